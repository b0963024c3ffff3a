package io.resoto.worker.awssim.protocol;

/**
 * The wire protocols the simulator speaks, as the SDK's generated clients choose them through
 * their protocol factory.
 *
 * <p>The generated default clients of the services the simulator serves build an
 * {@code AwsQueryProtocolFactory}, {@code AwsEc2ProtocolFactory}, {@code AwsJsonProtocolFactory},
 * {@code AwsS3ProtocolFactory}, {@code AwsXmlProtocolFactory} or (Kinesis) an
 * {@code AwsCborProtocolFactory}: AWS JSON 1.1 with CBOR bodies, which the SDK sends unless CBOR
 * is switched off. None uses Smithy RPCv2-CBOR in SDK 2.35.0, which is therefore not implemented.
 */
public enum Protocol {
  /** AWS query: form-encoded {@code Action=...}, XML answers with a result wrapper. */
  QUERY,
  /** EC2's variant of query: no {@code .member.} in lists, lower-camel XML answers, no wrapper. */
  EC2,
  /** AWS JSON 1.0/1.1: {@code X-Amz-Target} names the operation. */
  JSON,
  /**
   * AWS JSON 1.1 with CBOR bodies ({@code application/x-amz-cbor-1.1}): {@code X-Amz-Target}
   * names the operation; a request in JSON is answered in JSON, as AWS does.
   */
  CBOR,
  /** REST with JSON bodies: method and URI template name the operation. */
  REST_JSON,
  /** REST with XML bodies (S3, S3 Control). */
  REST_XML;

  /** Whether {@code X-Amz-Target} names the operation (JSON and CBOR). */
  public boolean isTargeted() {
    return this == JSON || this == CBOR;
  }

  /** Whether the operation is named by the HTTP method and a URI template. */
  public boolean isRest() {
    return this == REST_JSON || this == REST_XML;
  }
}
