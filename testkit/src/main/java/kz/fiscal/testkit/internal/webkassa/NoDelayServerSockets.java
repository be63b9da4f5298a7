package kz.fiscal.testkit.internal.webkassa;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections send without Nagle's delay. MockWebServer writes an
 * answer's head and body separately; with Nagle on, the body waited for the client's delayed ACK, about
 * 40 ms per exchange on loopback, which made every faked call 40 times slower than its work.
 */
public final class NoDelayServerSockets extends ServerSocketFactory {

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelay();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = new NoDelay();
    socket.bind(new InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = new NoDelay();
    socket.bind(new InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket socket = new NoDelay();
    socket.bind(new InetSocketAddress(address, port), backlog);
    return socket;
  }

  private static final class NoDelay extends ServerSocket {
    NoDelay() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
