/**
 * One exception type per error code of the Application Auto Scaling API (the service behind ECS
 * service auto scaling), each knowing its wire {@code __type} and HTTP status.
 */
package io.github.berth.scaling.error;
