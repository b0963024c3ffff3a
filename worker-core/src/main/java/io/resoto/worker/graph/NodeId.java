package io.resoto.worker.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Node ids as the Python worker computes them: the unpadded base64url of a 16-byte BLAKE2b digest
 * of the UTF-8 {@code repr()} of the key tuple {@code (kind, cloud, account, region, zone, id,
 * *extra)}. The core merges by these ids, so a differing byte would duplicate every resource.
 */
public final class NodeId {

  /** What the Python worker uses for an ancestor that is not known. */
  public static final String UNDEFINED = "undefined";

  private static final int DIGEST_BITS = 128;

  private NodeId() {}

  /** The 22-character id of the given key tuple. */
  public static String compute(List<String> keyParts) {
    byte[] input = PythonRepr.tuple(keyParts).getBytes(StandardCharsets.UTF_8);
    Blake2bDigest digest = new Blake2bDigest(DIGEST_BITS);
    digest.update(input, 0, input.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /** {@code repr(s)} as CPython prints it; see {@link PythonRepr#string(String)}. */
  public static String pythonRepr(String s) {
    return PythonRepr.string(s);
  }
}
