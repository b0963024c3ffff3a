/**
 * Who is calling and what they may see: the estate's credentials (long-term keys and minted
 * sessions) and the handlers of the identity APIs the collector starts with (STS, Organizations,
 * IAM account aliases, EC2 regions), plus the per-region enablement check.
 */
package io.resoto.worker.awssim.identity;
