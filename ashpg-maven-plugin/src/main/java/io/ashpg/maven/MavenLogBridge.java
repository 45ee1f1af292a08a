package io.ashpg.maven;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.maven.plugin.logging.Log;

/**
 * Sends what ashpg-core logs ({@link System.Logger}, which the JDK backs with java.util.logging) to Maven's log
 * while a goal runs, so users see one consistent output and {@code -q}/{@code -X} work as they expect.
 */
final class MavenLogBridge extends Handler implements AutoCloseable {

  private static final String CORE_LOGGER = "io.ashpg";

  private final Log log;
  private final Logger core;
  private final boolean previousUseParent;
  private final Level previousLevel;

  private MavenLogBridge(Log log) {
    this.log = log;
    this.core = Logger.getLogger(CORE_LOGGER);
    this.previousUseParent = core.getUseParentHandlers();
    this.previousLevel = core.getLevel();
    core.setUseParentHandlers(false);
    core.setLevel(log.isDebugEnabled() ? Level.FINE : Level.INFO);
    core.addHandler(this);
  }

  static MavenLogBridge install(Log log) {
    return new MavenLogBridge(log);
  }

  @Override
  public void publish(LogRecord record) {
    String message = record.getMessage();
    if (record.getParameters() != null && record.getParameters().length > 0) {
      message = java.text.MessageFormat.format(message, record.getParameters());
    }
    int level = record.getLevel().intValue();
    if (level >= Level.SEVERE.intValue()) {
      log.error(message, record.getThrown());
    } else if (level >= Level.WARNING.intValue()) {
      log.warn(message, record.getThrown());
    } else if (level >= Level.INFO.intValue()) {
      log.info(message, record.getThrown());
    } else {
      log.debug(message, record.getThrown());
    }
  }

  @Override
  public void flush() {
    // Maven's log needs no flushing
  }

  @Override
  public void close() {
    core.removeHandler(this);
    core.setUseParentHandlers(previousUseParent);
    core.setLevel(previousLevel);
  }
}
