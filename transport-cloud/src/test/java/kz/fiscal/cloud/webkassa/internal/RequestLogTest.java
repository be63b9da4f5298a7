package kz.fiscal.cloud.webkassa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestLogTest {

  @Test
  void secretsAndPersonalDataAreBlankedWhereverTheyAppear() {
    String json = "{\"Token\":\"abc\\\"def\",\"Login\":\"cashier\",\"Password\":\"p,w}\",\"Positions\":[{\"Count\":1}],"
        + "\"CustomerEmail\":\"a@b.kz\",\"CustomerPhone\":\"+77017654321\",\"CustomerXin\":\"850115300418\","
        + "\"Data\":{\"Token\":\"t2\"}}";

    assertEquals("{\"Token\":\"***\",\"Login\":\"***\",\"Password\":\"***\",\"Positions\":[{\"Count\":1}],"
        + "\"CustomerEmail\":\"***\",\"CustomerPhone\":\"***\",\"CustomerXin\":\"***\",\"Data\":{\"Token\":\"***\"}}",
        RequestLog.redact(json));
  }

  @Test
  void otherFieldsAreKeptAsTheyAre() {
    String json = "{\"ExternalCheckNumber\":\"order-1\",\"Sum\":500.00,\"Text\":\"Token\"}";
    assertEquals(json, RequestLog.redact(json));
  }
}
