/**
 * The AWS simulator: the AWS APIs the collector calls, on loopback, over the real wire protocols,
 * answered from a declarative estate. The real AWS SDK talks to it with nothing changed but the
 * endpoint.
 */
package io.resoto.worker.awssim;
