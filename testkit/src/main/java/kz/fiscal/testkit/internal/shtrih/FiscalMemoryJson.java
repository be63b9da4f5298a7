package kz.fiscal.testkit.internal.shtrih;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.fiscal.testkit.RegistrarDocument;
import kz.fiscal.testkit.RegistrarDocument.Line;
import kz.fiscal.testkit.RegistrarDocument.ReturnBasis;
import kz.fiscal.testkit.internal.webkassa.JsonTree;

/**
 * The registrar's fiscal memory as JSON (docs/serial-shtrih.md §7.6 {@code snapshot()/restore(json)}): counters, the
 * shift, the open check and every document. Fiscal signs are decimal strings (FS64 may exceed a signed
 * long), date-times ISO-8601. Stateless; it locks the state it reads or replaces.
 */
public final class FiscalMemoryJson {
  private static final int VERSION = 1;

  private FiscalMemoryJson() {}

  public static String write(FiscalState s) {
    synchronized (s) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("version", VERSION);
      root.put("fdLast", s.fdLast);
      root.put("docRunning", s.docRunning);
      root.put("shiftNumber", s.shiftNumber);
      root.put("lastClosedShift", s.lastClosedShift);
      root.put("shiftOpenedAt", s.shiftOpenedAt.map(Instant::toString).orElse(null));
      root.put("receiptNo", s.receiptNo);
      root.put("check", s.check.map(FiscalMemoryJson::check).orElse(null));
      root.put("documents", s.documents.values().stream().map(FiscalMemoryJson::document).toList());
      return JsonTree.write(root);
    }
  }

  /** @throws IllegalArgumentException when {@code json} is not a snapshot of this version */
  public static void read(String json, FiscalState s) {
    Map<String, Object> root = JsonTree.parseObject(json)
        .orElseThrow(() -> new IllegalArgumentException("not a JSON object"));
    try {
      if (num(root, "version") != VERSION) {
        throw new IllegalArgumentException("snapshot version " + root.get("version") + ", expected " + VERSION);
      }
      TreeMap<Long, RegistrarDocument> documents = new TreeMap<>();
      for (Object d : (List<?>) root.get("documents")) {
        RegistrarDocument doc = document(map(d));
        documents.put(doc.fd(), doc);
      }
      Optional<OpenCheck> check = Optional.ofNullable(root.get("check")).map(c -> check(map(c)));
      long fdLast = num(root, "fdLast");
      int docRunning = (int) num(root, "docRunning");
      int shiftNumber = (int) num(root, "shiftNumber");
      int lastClosedShift = (int) num(root, "lastClosedShift");
      Optional<Instant> shiftOpenedAt = Optional.ofNullable((String) root.get("shiftOpenedAt")).map(Instant::parse);
      int receiptNo = (int) num(root, "receiptNo");
      synchronized (s) {
        s.fdLast = fdLast;
        s.docRunning = docRunning;
        s.shiftNumber = shiftNumber;
        s.lastClosedShift = lastClosedShift;
        s.shiftOpenedAt = shiftOpenedAt;
        s.receiptNo = receiptNo;
        s.check = check;
        s.documents.clear();
        s.documents.putAll(documents);
      }
    } catch (RuntimeException e) {
      throw e instanceof IllegalArgumentException iae ? iae
          : new IllegalArgumentException("not a registrar snapshot: " + e, e);
    }
  }

  private static Map<String, Object> check(OpenCheck c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("saleReturn", c.saleReturn);
    m.put("owner", c.owner);
    m.put("lines", c.lines.stream().map(FiscalMemoryJson::line).toList());
    m.put("basis", c.basis.map(FiscalMemoryJson::basis).orElse(null));
    return m;
  }

  private static OpenCheck check(Map<String, Object> m) {
    OpenCheck c = new OpenCheck((Boolean) m.get("saleReturn"), (int) num(m, "owner"));
    for (Object l : (List<?>) m.get("lines")) {
      Line line = line(map(l));
      c.lines.add(line);
      c.subtotal += line.sumTiyn();
    }
    c.basis = Optional.ofNullable(m.get("basis")).map(b -> basis(map(b)));
    return c;
  }

  private static Map<String, Object> document(RegistrarDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fd", d.fd());
    m.put("type", d.type().name());
    m.put("dateTime", d.dateTime().toString());
    m.put("fiscalSign", Long.toUnsignedString(d.fiscalSign()));
    m.put("fs32", d.fs32());
    m.put("operation", d.operation());
    m.put("total", d.totalTiyn());
    m.put("lines", d.lines().stream().map(FiscalMemoryJson::line).toList());
    m.put("payments", d.paymentsTiyn());
    m.put("change", d.changeTiyn());
    m.put("rounding", d.roundingTiyn());
    Map<String, Object> vat = new LinkedHashMap<>();
    new TreeMap<>(d.vatByGroup()).forEach((group, amount) -> vat.put(group.toString(), amount));
    m.put("vatByGroup", vat);
    m.put("taxSystem", d.taxSystem());
    m.put("shift", d.shift());
    m.put("receiptNoInShift", d.receiptNoInShift());
    m.put("operator", d.operator());
    m.put("returnBasis", d.returnBasis().map(FiscalMemoryJson::basis).orElse(null));
    m.put("offline", d.offline());
    return m;
  }

  private static RegistrarDocument document(Map<String, Object> m) {
    List<Line> lines = new ArrayList<>();
    ((List<?>) m.get("lines")).forEach(l -> lines.add(line(map(l))));
    List<Long> payments = ((List<?>) m.get("payments")).stream().map(p -> ((BigDecimal) p).longValueExact()).toList();
    Map<Integer, Long> vat = new TreeMap<>();
    map(m.get("vatByGroup")).forEach((group, amount) -> vat.put(Integer.valueOf(group),
        ((BigDecimal) amount).longValueExact()));
    return new RegistrarDocument(num(m, "fd"), RegistrarDocument.Type.valueOf((String) m.get("type")),
        LocalDateTime.parse((String) m.get("dateTime")), Long.parseUnsignedLong((String) m.get("fiscalSign")),
        num(m, "fs32"), (int) num(m, "operation"), num(m, "total"), lines, payments, num(m, "change"),
        (int) num(m, "rounding"), vat, (int) num(m, "taxSystem"), (int) num(m, "shift"),
        (int) num(m, "receiptNoInShift"), (int) num(m, "operator"),
        Optional.ofNullable(m.get("returnBasis")).map(b -> basis(map(b))), (Boolean) m.get("offline"));
  }

  private static Map<String, Object> line(Line l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quantity", l.quantityThousandths());
    m.put("price", l.priceTiyn());
    m.put("department", l.department());
    m.put("taxGroup", l.taxGroup());
    m.put("text", l.text());
    m.put("sum", l.sumTiyn());
    return m;
  }

  private static Line line(Map<String, Object> m) {
    return new Line(num(m, "quantity"), num(m, "price"), (int) num(m, "department"), (int) num(m, "taxGroup"),
        (String) m.get("text"), num(m, "sum"));
  }

  private static Map<String, Object> basis(ReturnBasis b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fiscalSign", Long.toUnsignedString(b.fiscalSign()));
    m.put("dateTime", b.dateTime().toString());
    m.put("rnm", b.rnm());
    m.put("total", b.totalTiyn());
    m.put("offline", b.offline());
    return m;
  }

  private static ReturnBasis basis(Map<String, Object> m) {
    return new ReturnBasis(Long.parseUnsignedLong((String) m.get("fiscalSign")),
        LocalDateTime.parse((String) m.get("dateTime")), (String) m.get("rnm"), num(m, "total"),
        (Boolean) m.get("offline"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static long num(Map<String, Object> m, String key) {
    return ((BigDecimal) m.get(key)).longValueExact();
  }
}
