package io.resoto.worker.awssim.protocol;

import io.resoto.worker.awssim.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders {@link AwsError}s in each protocol's error shape, with the HTTP status and code AWS
 * really answers with for that protocol.
 *
 * <table>
 *   <caption>Kinds to status and code</caption>
 *   <tr><th>kind</th><th>EC2</th><th>query</th><th>JSON</th><th>REST-JSON</th><th>REST-XML (S3)</th></tr>
 *   <tr><td>THROTTLING</td><td>503 RequestLimitExceeded</td><td>400 Throttling</td>
 *       <td>400 ThrottlingException</td><td>400 ThrottlingException</td><td>503 SlowDown</td></tr>
 *   <tr><td>ACCESS_DENIED</td><td>403 UnauthorizedOperation</td><td>403 AccessDenied</td>
 *       <td>400 AccessDeniedException</td><td>403 AccessDeniedException</td><td>403 AccessDenied</td></tr>
 *   <tr><td>REGION_NOT_ENABLED</td><td>401 AuthFailure</td><td>403 InvalidClientTokenId</td>
 *       <td>400 UnrecognizedClientException</td><td>403 UnrecognizedClientException</td>
 *       <td>403 InvalidAccessKeyId</td></tr>
 *   <tr><td>OPT_IN_REQUIRED</td><td>403 OptInRequired</td><td>403 OptInRequired</td><td>403 OptInRequired</td>
 *       <td>403 OptInRequired</td><td>403 OptInRequired</td></tr>
 *   <tr><td>INTERNAL</td><td>500 InternalError</td><td>500 InternalError</td><td>500 InternalFailure</td>
 *       <td>500 InternalFailure</td><td>500 InternalError</td></tr>
 *   <tr><td>SERVICE_UNAVAILABLE</td><td>503 Unavailable</td><td>503 ServiceUnavailable</td>
 *       <td>503 ServiceUnavailable</td><td>503 ServiceUnavailable</td><td>503 ServiceUnavailable</td></tr>
 *   <tr><td>INVALID_CLIENT_TOKEN</td><td>401 AuthFailure</td><td>403 InvalidClientTokenId</td>
 *       <td>400 UnrecognizedClientException</td><td>403 UnrecognizedClientException</td>
 *       <td>403 InvalidAccessKeyId</td></tr>
 *   <tr><td>EXPIRED_TOKEN</td><td>400 RequestExpired</td><td>403 ExpiredToken</td>
 *       <td>400 ExpiredTokenException</td><td>403 ExpiredTokenException</td><td>400 ExpiredToken</td></tr>
 *   <tr><td>SIGNATURE_DOES_NOT_MATCH</td><td>403 SignatureDoesNotMatch</td><td>403 SignatureDoesNotMatch</td>
 *       <td>403 SignatureDoesNotMatch</td><td>403 SignatureDoesNotMatch</td><td>403 SignatureDoesNotMatch</td></tr>
 * </table>
 *
 * <p>Why these: a region that is not enabled does not know the caller's credentials, so AWS answers
 * as for an unknown key. EC2 answers expired session credentials with {@code RequestExpired}; the
 * SDK takes that code for clock skew and retries once with an adjusted clock, then surfaces it.
 * EC2 also answers some bad signatures with {@code AuthFailure}; {@code SignatureDoesNotMatch} is
 * used everywhere so that callers can tell a bad secret from an unknown key.
 */
public final class ErrorRenderer {
  private ErrorRenderer() {}

  /** The status and code of an error kind in a protocol. */
  public record Spec(int status, String code) {}

  /** The status and code an error gets in the given protocol. */
  public static Spec spec(Protocol p, AwsError e) {
    if (e.kind() == AwsError.Kind.CUSTOM) {
      return new Spec(e.status(), e.code());
    }
    boolean ec2 = p == Protocol.EC2;
    boolean query = p == Protocol.QUERY;
    boolean json = p == Protocol.JSON || p == Protocol.CBOR;
    boolean restJson = p == Protocol.REST_JSON;
    return switch (e.kind()) {
      case THROTTLING -> ec2 ? new Spec(503, "RequestLimitExceeded") : query ? new Spec(400, "Throttling")
          : json || restJson ? new Spec(400, "ThrottlingException") : new Spec(503, "SlowDown");
      case ACCESS_DENIED -> ec2 ? new Spec(403, "UnauthorizedOperation") : query ? new Spec(403, "AccessDenied")
          : json ? new Spec(400, "AccessDeniedException") : restJson ? new Spec(403, "AccessDeniedException")
          : new Spec(403, "AccessDenied");
      case REGION_NOT_ENABLED, INVALID_CLIENT_TOKEN -> ec2 ? new Spec(401, "AuthFailure")
          : query ? new Spec(403, "InvalidClientTokenId") : json ? new Spec(400, "UnrecognizedClientException")
          : restJson ? new Spec(403, "UnrecognizedClientException") : new Spec(403, "InvalidAccessKeyId");
      case OPT_IN_REQUIRED -> new Spec(403, "OptInRequired");
      case INTERNAL -> json || restJson ? new Spec(500, "InternalFailure") : new Spec(500, "InternalError");
      case SERVICE_UNAVAILABLE -> ec2 ? new Spec(503, "Unavailable") : new Spec(503, "ServiceUnavailable");
      case EXPIRED_TOKEN -> ec2 ? new Spec(400, "RequestExpired") : query ? new Spec(403, "ExpiredToken")
          : json ? new Spec(400, "ExpiredTokenException") : restJson ? new Spec(403, "ExpiredTokenException")
          : new Spec(400, "ExpiredToken");
      case SIGNATURE_DOES_NOT_MATCH -> new Spec(403, "SignatureDoesNotMatch");
      case CUSTOM -> throw new IllegalStateException();
    };
  }

  /** The error answer in the protocol's shape (REST-XML: S3's bare {@code <Error>}). */
  public static Reply render(Protocol p, AwsError e, String requestId) {
    return render(p, e, requestId, false);
  }

  /**
   * The error answer in the protocol's shape.
   *
   * @param wrappedXml REST-XML only: wrap the {@code <Error>} in {@code <ErrorResponse>} with the
   *     request id beside it, as REST-XML services other than S3 (S3 Control, ...) answer
   */
  public static Reply render(Protocol p, AwsError e, String requestId, boolean wrappedXml) {
    Spec spec = spec(p, e);
    String message = e.getMessage() == null ? spec.code() : e.getMessage();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    headers.put("x-amz-request-id", requestId);
    String body;
    switch (p) {
      case EC2 -> {
        headers.put("Content-Type", "text/xml;charset=UTF-8");
        body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + spec.code()
            + "</Code><Message>" + XmlEncoder.escape(message) + "</Message></Error></Errors><RequestID>"
            + requestId + "</RequestID></Response>";
      }
      case QUERY -> {
        headers.put("Content-Type", "text/xml");
        String type = spec.status() >= 500 ? "Receiver" : "Sender";
        body = "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + spec.code() + "</Code><Message>"
            + XmlEncoder.escape(message) + "</Message></Error><RequestId>" + requestId
            + "</RequestId></ErrorResponse>";
      }
      case REST_XML -> {
        headers.put("Content-Type", "application/xml");
        String error = "<Code>" + spec.code() + "</Code><Message>" + XmlEncoder.escape(message) + "</Message>";
        body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + (wrappedXml
            ? "<ErrorResponse><Error>" + error + "</Error><RequestId>" + requestId + "</RequestId></ErrorResponse>"
            : "<Error>" + error + "<RequestId>" + requestId + "</RequestId></Error>");
      }
      default -> {
        headers.put("Content-Type", p == Protocol.CBOR ? ProtocolCodec.CBOR_CONTENT_TYPE
            : p == Protocol.JSON ? "application/x-amz-json-1.1" : "application/json");
        headers.put("x-amzn-ErrorType", spec.code());
        // SQS and other awsQueryCompatible services read the query-era code from this header.
        headers.put("x-amzn-query-error", spec.code() + ";" + (spec.status() >= 500 ? "Receiver" : "Sender"));
        Map<String, String> members = new LinkedHashMap<>();
        members.put("__type", spec.code());
        members.put("message", message);
        return new Reply(spec.status(), headers, JsonCodec.object(members, p == Protocol.CBOR));
      }
    }
    return new Reply(spec.status(), headers, body.getBytes(StandardCharsets.UTF_8));
  }
}
