/**
 * The plugin contract: what a collector implements ({@link io.resoto.worker.spi.CollectorPlugin})
 * and what the worker offers it during a run ({@link io.resoto.worker.spi.CollectContext}) or a
 * tag task ({@link io.resoto.worker.spi.TagTarget}).
 * Kept small on purpose: everything else is the worker's business.
 */
package io.resoto.worker.spi;
