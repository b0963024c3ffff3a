package io.resoto.worker.aws.client;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Names the call whose answer could not be read. When AWS (or anything in between) answers a call
 * with 2xx and a body the SDK cannot parse (cut off, a value of the wrong type, not the protocol's
 * format), the SDK throws an SdkClientException that says "Unable to unmarshall response" with the
 * parser's words, but not which call it was. This interceptor replaces it with one whose message
 * starts with {@value #PREFIX} and names the call as an IAM action ({@code ec2:DescribeVolumes}),
 * so the error of the kind reads as what happened. Every client of {@link AwsClientFactory} has it.
 */
public final class MalformedResponses implements ExecutionInterceptor {

  /** The start of the message of a malformed answer's exception. */
  public static final String PREFIX = "malformed response from ";

  static final MalformedResponses INSTANCE = new MalformedResponses();

  private MalformedResponses() {}

  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable e = context.exception();
    boolean answered = context.httpResponse().map(r -> r.isSuccessful()).orElse(false);
    if (!answered || !(e instanceof SdkClientException) || e instanceof AwsServiceException
        || String.valueOf(e.getMessage()).startsWith(PREFIX)) {
      return e;
    }
    return SdkClientException.builder()
        .message(PREFIX + action(attributes) + ": " + reason(e))
        .cause(e)
        .build();
  }

  /** The call as an IAM action: signing name and operation, e.g. {@code ec2:DescribeVolumes}. */
  @SuppressWarnings("deprecation")
  static String action(ExecutionAttributes attributes) {
    String service = attributes.getAttribute(
        software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute.SERVICE_SIGNING_NAME);
    if (service == null) {
      service = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)).toLowerCase();
    }
    return service + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
  }

  /** The parser's reason: the innermost cause's words, without the SDK's own wrapping. */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().strip();
    // the JDK's XML parser: "ParseError at [row,col]:[1,107]\nMessage: XML document structures ..."
    java.util.regex.Matcher xml = XML_ERROR.matcher(message);
    if (xml.find()) {
      String words = xml.group(3).lines().findFirst().orElse("");
      return "not valid XML at line " + xml.group(1) + ", column " + xml.group(2) + ": "
          + (words.length() > 200 ? words.substring(0, 200) + "..." : words);
    }
    String line = message.lines().findFirst().orElse("");
    // parsers quote the source ("[Source: (byte[])"...): leave it out
    line = SOURCE.matcher(line).replaceAll("");
    line = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    String what = describe(root.getClass().getSimpleName(), line);
    return line.isEmpty() ? what : what + ": " + line;
  }

  private static final java.util.regex.Pattern XML_ERROR =
      java.util.regex.Pattern.compile("ParseError at \\[row,col\\]:\\[(\\d+),(\\d+)\\]\\s*Message: (.*)",
          java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile("\\s*(\\(start (marker|token) at .*|at \\[Source.*)$");

  /** What was wrong, in words, from the parser's exception class and message. */
  private static String describe(String kind, String message) {
    if (message.contains("expecting token") || message.contains("unexpected JSON token")
        || kind.equals("NumberFormatException") || kind.equals("DateTimeParseException")) {
      return "a value of the wrong type";
    }
    return switch (kind) {
      case "JsonEOFException", "EOFException" -> "the body ends too early";
      case "JsonParseException", "StreamReadException", "CBORParseException" -> "not valid JSON/CBOR";
      case "XMLStreamException", "WstxEOFException", "WstxUnexpectedCharException", "SAXParseException" ->
          "not valid XML";
      default -> message.toLowerCase(java.util.Locale.ROOT).contains("end-of-input")
          ? "the body ends too early" : "unreadable";
    };
  }
}
