package io.ashpg.testsupport;

import io.ashpg.testing.ServerCoordinates;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test server that counts round trips as the server sees them: every message after
 * which a PostgreSQL client waits for the server's answer — {@code Sync} (extended protocol) and {@code Query}
 * (simple protocol) — and every connection. It reads the client's side of the wire protocol, so it counts what
 * the driver really sends, including anything it sends on its own; a statement-counting DataSource cannot see that.
 * Connect through {@link #jdbcUrl(String)} (the URL turns TLS off: the proxy must read the messages).
 */
public final class WireCounter implements AutoCloseable {

  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;
  private static final int CANCEL_REQUEST = 80877102;

  private final ServerCoordinates server;
  private final ServerSocket listener;
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final AtomicInteger flushes = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<String> sql = new CopyOnWriteArrayList<>();

  public WireCounter(ServerCoordinates server) {
    this.server = server;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon(this::accept, "wire-counter-accept");
  }

  /** A JDBC URL of {@code database} that goes through this proxy. */
  public String jdbcUrl(String database) {
    String params = server.urlParameters().isEmpty() ? "" : server.urlParameters() + "&";
    return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/" + database + "?" + params + "sslmode=disable";
  }

  /** Sync and Query messages sent by all clients since the last {@link #reset()}. */
  public int roundTrips() {
    return roundTrips.get();
  }

  /** Flush messages (a client may wait after one too); reported apart so a test can show there are none. */
  public int flushes() {
    return flushes.get();
  }

  /** Connections opened since the last {@link #reset()}. */
  public int connections() {
    return connections.get();
  }

  /** The SQL texts sent (Parse and Query messages), in order: what a failed count was made of. */
  public List<String> sql() {
    return List.copyOf(sql);
  }

  public void reset() {
    sql.clear();
    roundTrips.set(0);
    flushes.set(0);
    connections.set(0);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket(server.host(), server.port());
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        connections.incrementAndGet();
        daemon(() -> clientToServer(client, upstream), "wire-counter-client");
        daemon(() -> copy(upstream, client), "wire-counter-server");
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Forwards the client's messages one by one, counting those after which it waits. */
  private void clientToServer(Socket client, Socket upstream) {
    try (DataInputStream in = new DataInputStream(client.getInputStream());
         DataOutputStream out = new DataOutputStream(upstream.getOutputStream())) {
      boolean started = false;
      while (true) {
        if (!started) {
          // startup-phase messages have no type byte: length, then a code (SSL/GSS request) or protocol version
          int length = in.readInt();
          byte[] body = new byte[length - 4];
          in.readFully(body);
          out.writeInt(length);
          out.write(body);
          out.flush();
          int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
          if (code == CANCEL_REQUEST) {
            return;
          }
          started = code != SSL_REQUEST && code != GSS_REQUEST;
          continue;
        }
        int type = in.readUnsignedByte();
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        if (type == 'P') {
          int nameEnd = indexOfZero(body, 0);
          sql.add(new String(body, nameEnd + 1, indexOfZero(body, nameEnd + 1) - nameEnd - 1, UTF_8));
        } else if (type == 'Q') {
          sql.add(new String(body, 0, indexOfZero(body, 0), UTF_8));
        }
        if (type == 'S' || type == 'Q') {
          sql.add("<round trip>");
          roundTrips.incrementAndGet();
        } else if (type == 'H') {
          flushes.incrementAndGet();
        }
        out.writeByte(type);
        out.writeInt(length);
        out.write(body);
        out.flush();
        if (type == 'X') {
          return;
        }
      }
    } catch (IOException e) {
      // the connection ended
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
      open.remove(client);
      open.remove(upstream);
    }
  }

  private static int indexOfZero(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return bytes.length;
  }

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[16384];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the connection ended
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    open.forEach(WireCounter::closeQuietly);
  }

  private static void closeQuietly(ServerSocket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }
}
