/**
 * Testing with Berth: the in-memory fake ECS on a virtual clock ({@code fake}), its wire server
 * ({@code server}) and in-process SDK channel ({@code sdk}), JUnit 5 support ({@code junit}), the
 * property-based testing engine ({@code property}) and generators of ECS values ({@code generators}).
 */
package io.github.berth.testkit;
