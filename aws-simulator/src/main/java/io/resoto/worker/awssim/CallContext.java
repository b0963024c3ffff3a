package io.resoto.worker.awssim;

/**
 * One verified call: the service's signing name ({@code ec2}, {@code sts}, {@code organizations},
 * {@code monitoring}, ...; S3 Control, which signs as {@code s3}, is {@code s3control}), the operation ({@code DescribeRegions}), the region of the request's
 * credential scope, the access key that signed it, the caller, and the request id the response
 * carries.
 */
public record CallContext(
    String service, String operation, String region, String accessKeyId, Identity caller, String requestId) {}
