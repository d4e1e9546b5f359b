/**
 * Testing with Berth: generators of ECS values and a property runner ({@code property}); later the
 * in-memory fake ECS on a virtual clock, its wire server and JUnit 5 support.
 */
package io.github.berth.testkit;
