package io.resoto.worker.aws.kinds.base;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names and map positions of the AWS regions, from the bundled {@code regions.tsv} (its
 * header says where the names come from): the long name users see ("US East (N. Virginia)"), the
 * name the Price List API uses as its {@code location} ("EU (Frankfurt)" where the long name says
 * "Europe"), and approximate coordinates of the region's city. A region missing from the table
 * (one launched after it was written) simply has none of these.
 */
public final class RegionTable {

  /** One region of the table. */
  public record Region(String id, String longName, String pricingLocation, double latitude, double longitude) {}

  private static final String RESOURCE = "regions.tsv";
  private static final Map<String, Region> REGIONS = load();

  private RegionTable() {}

  /** The region with this id, if the table has it. */
  public static Optional<Region> region(String id) {
    return Optional.ofNullable(id == null ? null : REGIONS.get(id));
  }

  /** Every region of the table, by id. */
  public static Map<String, Region> all() {
    return REGIONS;
  }

  private static Map<String, Region> load() {
    try (InputStream in = RegionTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Map<String, Region> parse(BufferedReader reader) throws IOException {
    Map<String, Region> out = new LinkedHashMap<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 5) {
        throw new IllegalStateException(RESOURCE + " line " + number + ": expected 5 tab-separated fields");
      }
      out.put(f[0], new Region(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4])));
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
