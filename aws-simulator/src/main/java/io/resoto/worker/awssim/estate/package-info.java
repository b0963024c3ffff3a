/**
 * The estate: a declarative AWS organisation (accounts, organisational units, principals with
 * keys, roles, enabled regions and raw resources) loaded from YAML or generated for scale, which
 * the simulator's handlers answer from.
 */
package io.resoto.worker.awssim.estate;
