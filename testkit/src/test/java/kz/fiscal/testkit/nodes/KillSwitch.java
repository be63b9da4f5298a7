package kz.fiscal.testkit.nodes;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.spi.ShiftReport;
import kz.fiscal.testkit.ForwardingFiscalDriver;

/**
 * Kills a node the way a crashed process dies. Once {@link #kill() killed}, every later call the node
 * makes through its driver or its database throws {@link Killed} (an {@link Error}, which the client
 * catches nowhere), so nothing gets cleaned up: no lease is released, no transition journaled, and a
 * transaction left open is rolled back, as the server does when a client's socket drops. Work that
 * reached the database or the register before the kill stays done. Thread-safe.
 */
final class KillSwitch {
  /** What a dead node's threads die of. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("node killed", null, false, false);
    }
  }

  private volatile boolean killed;

  void kill() {
    killed = true;
  }

  boolean killed() {
    return killed;
  }

  private void check() {
    if (killed) {
      throw new Killed();
    }
  }

  /** {@code delegate} that stops serving the node once it is killed. */
  DataSource dataSource(DataSource delegate) {
    return proxy(DataSource.class, (proxy, method, args) -> {
      check();
      Object result = invoke(delegate, method, args);
      return result instanceof Connection connection ? connection(connection) : result;
    });
  }

  /**
   * {@code delegate} that stops serving the node once it is killed; {@code killAfter} sees every key
   * the register applied and kills the node (after the register applied the check, before the node
   * hears of it) when it answers true.
   */
  FiscalDriver driver(FiscalDriver delegate, Predicate<IdempotencyKey> killAfter) {
    return new ForwardingFiscalDriver(delegate) {
      @Override
      public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
        check();
        FiscalResult result = super.register(key, receipt, deadline);
        if (killAfter.test(key)) {
          kill();
        }
        check(); // the check exists, the node never hears of it
        return result;
      }

      @Override
      public Optional<FiscalResult> lookup(IdempotencyKey key, Receipt journaled, Instant firstSentAt,
          Instant deadline) throws FiscalException {
        check();
        Optional<FiscalResult> found = super.lookup(key, journaled, firstSentAt, deadline);
        check();
        return found;
      }

      @Override
      public ShiftReport xReport() throws FiscalException {
        check();
        return super.xReport();
      }

      @Override
      public ShiftReport closeShift() throws FiscalException {
        check();
        return super.closeShift();
      }

      @Override
      public void close() {} // the register is shared with the other node
    };
  }

  private Connection connection(Connection delegate) {
    return proxy(Connection.class, (proxy, method, args) -> {
      if (method.getName().equals("close")) {
        if (killed) {
          abandon(delegate);
        } else {
          delegate.close();
        }
        return null;
      }
      check();
      Object result = invoke(delegate, method, args);
      if (result instanceof CallableStatement statement) {
        return statement(CallableStatement.class, statement);
      }
      if (result instanceof PreparedStatement statement) {
        return statement(PreparedStatement.class, statement);
      }
      if (result instanceof Statement statement) {
        return statement(Statement.class, statement);
      }
      return result;
    });
  }

  /** A dead node's connection: its open transaction rolls back and the connection goes away. */
  private static void abandon(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // the server rolls back a dropped session anyway
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // gone either way
    }
  }

  private <S extends Statement> S statement(Class<S> type, S delegate) {
    return proxy(type, (proxy, method, args) -> {
      if (!method.getName().equals("close")) {
        check();
      }
      return invoke(delegate, method, args);
    });
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(KillSwitch.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
