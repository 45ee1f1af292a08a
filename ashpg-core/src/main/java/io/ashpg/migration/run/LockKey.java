package io.ashpg.migration.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The advisory-lock key of (repo, schema): the first 8 bytes of a SHA-256, so it is the same in every JVM, every
 * version of ashpg and every process, unlike {@code String.hashCode} mixes that invite accidental changes. Keying
 * on the schema lets migrators of different tenants run at the same time.
 */
final class LockKey {

  private LockKey() {
  }

  static long of(String repoName, String schema) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("ashpg-migrator\u0000" + repoName + "\u0000" + schema).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
