package io.resoto.worker.awssim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a listing, with the token for the next page as AWS hands them out: opaque, and
 * rejected when tampered with or used for another listing.
 *
 * @param items the items of this page
 * @param nextToken the token for the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextToken) {

  /**
   * Cuts a page out of {@code all}.
   *
   * @param listing names the listing (e.g. "ec2:DescribeInstances:123456789012:us-east-1"), so a
   *     token of one listing is refused by another
   * @param token the request's token, or null/empty for the first page
   * @param maxResults the request's page size, or null for {@code defaultSize}
   * @param defaultSize the page size when the request names none
   * @param maxSize the largest page size the operation allows; larger requests are an error
   * @throws AwsError InvalidParameterValue / InvalidNextToken as AWS answers them
   */
  public static <T> Page<T> of(List<T> all, String listing, String token, Integer maxResults,
      int defaultSize, int maxSize) {
    int size = maxResults == null ? defaultSize : maxResults;
    if (size < 1 || size > maxSize) {
      throw AwsError.of(400, "InvalidParameterValue",
          "MaxResults must be between 1 and " + maxSize + ", got " + size);
    }
    int start = 0;
    if (token != null && !token.isEmpty()) {
      start = decode(listing, token);
      if (start > all.size()) {
        throw AwsError.of(400, "InvalidNextToken", "The token is not valid for this listing");
      }
    }
    int end = Math.min(all.size(), start + size);
    String next = end < all.size() ? encode(listing, end) : null;
    return new Page<>(List.copyOf(all.subList(start, end)), next);
  }

  private static String encode(String listing, int offset) {
    String raw = offset + "|" + Integer.toHexString(listing.hashCode());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String listing, String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar < 0 || !raw.substring(bar + 1).equals(Integer.toHexString(listing.hashCode()))) {
        throw new IllegalArgumentException("other listing");
      }
      return Integer.parseInt(raw.substring(0, bar));
    } catch (IllegalArgumentException e) {
      throw AwsError.of(400, "InvalidNextToken", "The token is not valid for this listing");
    }
  }
}
