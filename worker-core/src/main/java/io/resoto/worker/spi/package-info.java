/**
 * The plugin contract: what a collector implements ({@link io.resoto.worker.spi.CollectorPlugin})
 * and what the worker offers it during a run ({@link io.resoto.worker.spi.CollectContext}).
 * Kept small on purpose: everything else is the worker's business.
 */
package io.resoto.worker.spi;
