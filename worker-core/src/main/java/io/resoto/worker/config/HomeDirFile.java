package io.resoto.worker.config;

import io.resoto.worker.spi.Doc;
import io.resoto.worker.spi.Secret;

/**
 * One element of the deprecated {@code write_files_to_home_dir} list: a file the worker writes
 * below {@code $HOME} at startup. Both keys are required.
 *
 * @param path where to write the file, relative to the home directory
 * @param content what to write; secret, because it usually holds credentials
 */
public record HomeDirFile(
    @Doc("Path of the file, relative to the home directory.") String path,
    @Doc("Content of the file.") Secret content) {}
