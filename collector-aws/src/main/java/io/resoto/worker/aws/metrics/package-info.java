/**
 * CloudWatch metrics of collected nodes: what a kind asks for ({@link
 * io.resoto.worker.aws.metrics.UsageMetrics}, {@link io.resoto.worker.aws.metrics.MetricQuery}),
 * the windows the queries cover ({@link io.resoto.worker.aws.metrics.MetricWindow}), how the
 * engine cuts them into GetMetricData calls ({@link io.resoto.worker.aws.metrics.MetricBatches})
 * and how answers become a node's {@code usage} section ({@link
 * io.resoto.worker.aws.metrics.Usage}). The engine runs the calls after an account's kinds are
 * listed; a kind only says what to ask for.
 */
package io.resoto.worker.aws.metrics;
