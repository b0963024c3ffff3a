package io.resoto.worker.awssim.estate;

/**
 * The instance the simulated instance metadata service describes: the account, the role its
 * instance profile carries, its region and instance id.
 */
public record InstanceProfile(String account, String role, String region, String instanceId) {}
