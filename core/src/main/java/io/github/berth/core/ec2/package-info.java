/**
 * Facts about EC2 instance types that ECS placement depends on (vCPUs, memory, ENI and trunking
 * limits, GPUs), shared by placement and the generators.
 */
package io.github.berth.core.ec2;
