/**
 * The wire JSON: {@link io.github.berth.core.json.EcsJson} reads and writes every Berth value as
 * the AWS JSON 1.1 protocol carries it, strictly (unknown members refused, each named by its JSON
 * path) or leniently (ignored, as AWS clients do).
 */
package io.github.berth.core.json;
