package kz.fiscal.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts what a journal asks of its database — connections taken, statements run (by kind), commits
 * and rollbacks — by wrapping its {@link DataSource}. For profiling only: the proxies cost a little.
 * Thread-safe.
 */
final class StatementCounter {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder statements = new LongAdder();

  /** {@code delegate}, counted. */
  DataSource wrap(DataSource delegate) {
    return proxy(DataSource.class, (proxy, method, args) -> {
      Object result = invoke(delegate, method, args);
      if (result instanceof Connection connection) {
        count("connection taken");
        return connection(connection);
      }
      return result;
    });
  }

  /** Every count divided by {@code per}, by name. */
  Map<String, Double> per(long per) {
    Map<String, Double> shares = new TreeMap<>();
    counts.forEach((name, count) -> shares.put(name, count.doubleValue() / per));
    return shares;
  }

  /** Statements executed, of every kind, divided by {@code per}. */
  double statementsPer(long per) {
    return statements.doubleValue() / per;
  }

  void reset() {
    counts.clear();
    statements.reset();
  }

  private Connection connection(Connection delegate) {
    return proxy(Connection.class, (proxy, method, args) -> {
      switch (method.getName()) {
        case "commit" -> count("commit");
        case "rollback" -> count("rollback");
        default -> { }
      }
      Object result = invoke(delegate, method, args);
      if (result instanceof PreparedStatement statement) {
        String kind = kind((String) args[0]);
        return proxy(PreparedStatement.class, (p, m, a) -> {
          if (m.getName().startsWith("execute")) {
            countStatement(kind);
          }
          return invoke(statement, m, a);
        });
      }
      if (result instanceof Statement statement) {
        return proxy(Statement.class, (p, m, a) -> {
          if (m.getName().startsWith("execute")) {
            countStatement(kind((String) a[0]));
          }
          return invoke(statement, m, a);
        });
      }
      return result;
    });
  }

  /** A short name for what a statement does to the journal. */
  static String kind(String sql) {
    String s = sql.toUpperCase(Locale.ROOT);
    if (s.startsWith("SELECT CURRENT_TIMESTAMP")) {
      return "SELECT clock";
    }
    if (s.startsWith("INSERT INTO FISCAL_RECEIPT")) {
      return "INSERT record";
    }
    if (s.startsWith("INSERT INTO FISCAL_JOURNAL_ENTRY")) {
      return "INSERT entry";
    }
    if (s.startsWith("SELECT") && s.contains("FOR UPDATE")) {
      return "SELECT record FOR UPDATE";
    }
    if (s.startsWith("SELECT") && s.contains("FROM FISCAL_RECEIPT WHERE IDEM_KEY")) {
      return "SELECT record";
    }
    if (s.startsWith("UPDATE FISCAL_RECEIPT SET LEASE_OWNER = NULL")) {
      return "UPDATE release";
    }
    if (s.startsWith("UPDATE FISCAL_RECEIPT SET LEASE_OWNER")) {
      return "UPDATE claim";
    }
    if (s.startsWith("UPDATE FISCAL_RECEIPT SET")) {
      return "UPDATE transition";
    }
    return "other: " + (s.length() > 40 ? s.substring(0, 40) : s);
  }

  private void countStatement(String kind) {
    statements.increment();
    count(kind);
  }

  private void count(String name) {
    counts.computeIfAbsent(name, n -> new LongAdder()).increment();
  }

  private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
