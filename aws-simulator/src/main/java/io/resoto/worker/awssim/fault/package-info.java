/** Injected faults: latency, throttling, denials, 5xx errors, reset connections, malformed bodies. */
package io.resoto.worker.awssim.fault;
