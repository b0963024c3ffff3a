/** A simulated EC2 instance metadata service (IMDSv2) serving the estate's instance profile. */
package io.resoto.worker.awssim.imds;
