package io.resoto.worker.daemon;

import io.resoto.worker.config.HomeDirFile;
import io.resoto.worker.config.ResotoWorkerConfig;
import io.resoto.worker.spi.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code files_in_home_dir} (and the deprecated {@code write_files_to_home_dir}) at
 * startup, as the original does: paths are relative to $HOME (a leading {@code ~/} is allowed),
 * must stay inside it, and files get mode 0600 because they usually hold credentials.
 */
final class HomeDirFiles {

  private static final Logger log = LoggerFactory.getLogger(HomeDirFiles.class);

  private HomeDirFiles() {}

  static void write(ResotoWorkerConfig config, Path home) {
    Map<String, Secret> files = new LinkedHashMap<>();
    for (HomeDirFile f : config.writeFilesToHomeDir()) {
      files.put(f.path(), f.content());
    }
    files.putAll(config.filesInHomeDir());
    Path base = home.toAbsolutePath().normalize();
    for (Map.Entry<String, Secret> e : files.entrySet()) {
      String name = e.getKey();
      String relative = name.startsWith("~/") ? name.substring(2) : name;
      Path target = base.resolve(relative).normalize();
      if (!target.startsWith(base) || target.equals(base)) {
        log.error("not writing {}: files_in_home_dir paths must stay inside {}", name, base);
        continue;
      }
      if (Files.isDirectory(target)) {
        log.error("not writing {}: it is an existing directory", target);
        continue;
      }
      try {
        Files.createDirectories(target.getParent());
        byte[] content = e.getValue() == null ? new byte[0] : e.getValue().reveal().getBytes(StandardCharsets.UTF_8);
        Files.write(target, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
        try {
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system: nothing more we can do
        }
        log.info("wrote {} ({} bytes) from files_in_home_dir", target, content.length);
      } catch (IOException ex) {
        log.error("could not write {} from files_in_home_dir: {}", target, ex.getMessage());
      }
    }
  }
}
