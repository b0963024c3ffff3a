package io.resoto.worker.awssim.protocol;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * Everything the simulator needs to know about one operation, read once from the SDK's generated
 * classes when a handler is registered: the service's signing name and protocol, the operation's
 * wire name, its JSON target or URI template, and the field metadata of its request and response.
 */
public final class OperationModel {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();

  /**
   * REST-XML namespaces by SDK package, where they are not S3's: the SDK does not keep a
   * service's namespace for operations without a request body.
   */
  private static final Map<String, String> REST_XML_NAMESPACES =
      Map.of("s3control", "http://awss3control.amazonaws.com/doc/2018-08-20/",
          "cloudfront", "http://cloudfront.amazonaws.com/doc/2020-05-31/");
  private static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
  /** SDK packages that sign with another service's name and are counted under their own. */
  private static final Set<String> OWN_LABEL = Set.of("s3control");

  private final String service;
  private final String sdkPackage;
  private final boolean wrappedXmlErrors;
  private final String name;
  private final String className;
  private final Protocol protocol;
  private final String target;
  private final String apiVersion;
  private final String httpMethod;
  private final UriTemplate template;
  private final Class<?> requestType;
  private final MethodHandle requestBuilder;
  private final MethodHandle responseBuilder;
  private final List<SdkField<?>> requestFields;
  private final List<SdkField<?>> responseFields;
  private final SdkField<?> requestPayloadMember;
  private final SdkField<?> responsePayloadMember;

  private OperationModel(Class<?> requestType) throws ReflectiveOperationException {
    this.requestType = requestType;
    String simple = requestType.getSimpleName();
    if (!simple.endsWith("Request") || !requestType.getPackageName().endsWith(".model")) {
      throw new IllegalArgumentException(requestType + " is not a generated SDK request class");
    }
    this.className = simple.substring(0, simple.length() - "Request".length());
    String modelPackage = requestType.getPackageName();
    String servicePackage = modelPackage.substring(0, modelPackage.length() - ".model".length());
    ClassLoader loader = requestType.getClassLoader();

    Class<?> marshaller = Class.forName(servicePackage + ".transform." + simple + "Marshaller", true, loader);
    Field binding = marshaller.getDeclaredField("SDK_OPERATION_BINDING");
    binding.setAccessible(true);
    OperationInfo info = (OperationInfo) binding.get(null);

    // The service's base request class (Ec2Request, S3Request, ...) names its client interface.
    String base = requestType.getSuperclass().getSimpleName();
    String clientPrefix = base.substring(0, base.length() - "Request".length());
    Class<?> client = Class.forName(servicePackage + "." + clientPrefix + "Client", true, loader);
    this.service = (String) client.getField("SERVICE_NAME").get(null);
    this.sdkPackage = servicePackage.substring(servicePackage.lastIndexOf('.') + 1);
    Class<?> defaultClient = Class.forName(servicePackage + ".Default" + clientPrefix + "Client", false, loader);
    String factory = defaultClient.getDeclaredField("protocolFactory").getType().getSimpleName();
    this.protocol = switch (factory) {
      case "AwsEc2ProtocolFactory" -> Protocol.EC2;
      case "AwsQueryProtocolFactory" -> Protocol.QUERY;
      case "AwsS3ProtocolFactory", "AwsXmlProtocolFactory" -> Protocol.REST_XML;
      case "AwsJsonProtocolFactory" -> info.operationIdentifier() != null ? Protocol.JSON : Protocol.REST_JSON;
      case "AwsCborProtocolFactory" -> Protocol.CBOR;
      default -> throw new IllegalArgumentException(
          "unsupported protocol factory " + factory + " of " + servicePackage);
    };
    // S3 answers a bare <Error>; the other REST-XML services (S3 Control, ...) wrap it in <ErrorResponse>
    this.wrappedXmlErrors = factory.equals("AwsXmlProtocolFactory");
    this.target = protocol.isTargeted() ? info.operationIdentifier() : null;
    // The wire name can differ from the class name (IAM's GetMFADevice is GetMfaDeviceRequest).
    if (protocol == Protocol.QUERY || protocol == Protocol.EC2) {
      this.name = info.operationIdentifier();
    } else if (protocol.isTargeted()) {
      this.name = target.substring(target.lastIndexOf('.') + 1);
    } else {
      this.name = className;
    }
    this.apiVersion = info.apiVersion();
    this.httpMethod = info.httpMethod().name();

    this.requestBuilder = LOOKUP.findStatic(requestType, "builder",
        MethodType.methodType(requestType.getMethod("builder").getReturnType()));
    Class<?> responseType = Class.forName(modelPackage + "." + className + "Response", true, loader);
    this.responseBuilder = LOOKUP.findStatic(responseType, "builder",
        MethodType.methodType(responseType.getMethod("builder").getReturnType()));
    this.requestFields = List.copyOf(((SdkPojo) newRequestBuilder()).sdkFields());
    this.responseFields = List.copyOf(((SdkPojo) invoke(responseBuilder)).sdkFields());
    this.requestPayloadMember = payloadMember(requestFields);
    this.responsePayloadMember = payloadMember(responseFields);

    String uri = info.requestUri() == null ? "/" : info.requestUri();
    if (protocol == Protocol.REST_XML && !uri.contains("{Bucket}") && hasPathField(requestFields, "Bucket")) {
      // S3's URIs leave the bucket to endpoint resolution; path-style puts it first in the path.
      uri = uri.startsWith("/") ? "/{Bucket}" + uri : "/{Bucket}" + (uri.isEmpty() ? "" : uri);
    }
    this.template = protocol.isRest() ? UriTemplate.parse(uri) : null;
  }

  /** Reads the model of the operation whose request class is given. */
  public static OperationModel of(Class<? extends SdkRequest> requestType) {
    try {
      return new OperationModel(requestType);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("cannot read the SDK model of " + requestType.getName(), e);
    }
  }

  private static boolean hasPathField(List<SdkField<?>> fields, String name) {
    for (SdkField<?> f : fields) {
      if (f.location() == MarshallLocation.PATH && name.equals(f.locationName())) {
        return true;
      }
    }
    return false;
  }

  private static SdkField<?> payloadMember(List<SdkField<?>> fields) {
    for (SdkField<?> f : fields) {
      if (f.containsTrait(PayloadTrait.class)) {
        return f;
      }
    }
    return null;
  }

  private static Object invoke(MethodHandle handle) {
    try {
      return handle.invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** A fresh builder of the request class (an {@link SdkPojo} that is also a builder). */
  public Object newRequestBuilder() {
    return invoke(requestBuilder);
  }

  /** A fresh builder of the response class. */
  public Object newResponseBuilder() {
    return invoke(responseBuilder);
  }

  /** The signing name of the service: {@code ec2}, {@code monitoring}, {@code s3}, ... */
  public String service() {
    return service;
  }

  /**
   * The last part of the SDK package, e.g. {@code s3control}: what tells apart services that
   * share a signing name (S3 and S3 Control both sign as {@code s3}).
   */
  public String sdkPackage() {
    return sdkPackage;
  }

  /**
   * The service name calls are counted, faulted and handled under: the signing name, except for
   * a service that signs with another's (S3 Control signs as {@code s3} and is {@code s3control}).
   */
  public String serviceLabel() {
    return OWN_LABEL.contains(sdkPackage) ? sdkPackage : service;
  }

  /** Whether REST-XML errors of this service come in an {@code <ErrorResponse>} wrapper. */
  public boolean wrappedXmlErrors() {
    return wrappedXmlErrors;
  }

  /** The operation's name on the wire, e.g. {@code DescribeInstances}, {@code GetMFADevice}. */
  public String name() {
    return name;
  }

  /** The operation's name in the SDK's class names, e.g. {@code GetMfaDevice}. */
  public String className() {
    return className;
  }

  public Protocol protocol() {
    return protocol;
  }

  /** The {@code X-Amz-Target} of JSON operations, else null. */
  public String target() {
    return target;
  }

  /** The API version of query/EC2 operations, else null. */
  public String apiVersion() {
    return apiVersion;
  }

  public String httpMethod() {
    return httpMethod;
  }

  /** The URI template of REST operations, else null. */
  public UriTemplate template() {
    return template;
  }

  public Class<?> requestType() {
    return requestType;
  }

  public List<SdkField<?>> requestFields() {
    return requestFields;
  }

  public List<SdkField<?>> responseFields() {
    return responseFields;
  }

  /** The request member that is the whole body (PayloadTrait), or null. */
  public SdkField<?> requestPayloadMember() {
    return requestPayloadMember;
  }

  /** The response member that is the whole body (PayloadTrait), or null. */
  public SdkField<?> responsePayloadMember() {
    return responsePayloadMember;
  }

  /** The XML namespace a query answer of this service carries. */
  public String xmlNamespace() {
    return switch (protocol) {
      case EC2 -> "http://ec2.amazonaws.com/doc/" + apiVersion + "/";
      case REST_XML -> REST_XML_NAMESPACES.getOrDefault(sdkPackage, S3_NAMESPACE);
      default -> "https://" + service + ".amazonaws.com/doc/" + apiVersion + "/";
    };
  }

  @Override
  public String toString() {
    return service + ":" + name + " (" + protocol + ")";
  }
}
