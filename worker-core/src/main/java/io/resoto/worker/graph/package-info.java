/**
 * The resource graph the worker sends to the core's merge endpoint: nodes with ids computed as the
 * Python worker computes them, typed edges, the kinds model, validation and streaming NDJSON export.
 */
package io.resoto.worker.graph;
