package santei;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tests of the Java binding (run by CTest): the example claim on the real r06 masters matches the
 * C++ API's result, errors carry their details, threads share masters.
 */
public final class SanteiTest {
  private static int passed;
  private static int failed;

  private static void check(boolean condition, String what) {
    if (condition) {
      ++passed;
    } else {
      ++failed;
      System.err.println("FAILED: " + what);
    }
  }

  private static Path env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) throw new IllegalStateException(name + " is not set (ctest sets it)");
    return Path.of(value);
  }

  private static SanteiException thrown(Runnable action) {
    try {
      action.run();
    } catch (SanteiException e) {
      return e;
    }
    return null;
  }

  private static Map<String, Long> referenceFigures() throws Exception {
    Map<String, Long> figures = new HashMap<>();
    for (String line : Files.readAllLines(env("SANTEI_REFERENCE_DIR").resolve("outpatient.figures"))) {
      String[] parts = line.split("=");
      if (parts.length == 2) figures.put(parts[0], Long.parseLong(parts[1]));
    }
    return figures;
  }

  static void exampleClaimOnRealR06MastersMatchesTheCppApi(Masters r06, String claim) throws Exception {
    Map<String, Long> expected = referenceFigures();
    try (PricingContext context = new PricingContext(r06)) {
      PricedClaim result = context.price(claim);
      check(result.totalPoints() == 761, "E20 on r06 is 761 points");
      // The E20 figures, stated (fee-rules.md E20, copayment.md §2.2): 761点 = 7,610円; 3割 of each
      // visit, 10円未満四捨五入: day 3 634点 (291+99+144+40+60) = 6,340円 → 1,902 → 1,900; day 10 127点
      // (75+52) = 1,270円 → 381 → 380; the patient 2,280円, the insurer 7,610 − 2,280 = 5,330円.
      check(result.medicalCostYen().getAsLong() == 7610, "E20 medical cost 7,610 yen");
      check(result.patientYen().getAsLong() == 2280, "E20 patient 2,280 yen");
      check(result.insurerYen().getAsLong() == 5330, "E20 insurer 5,330 yen");
      check(result.totalPoints() == expected.get("total_points"), "total points as the C++ API");
      check(result.patientYen().getAsLong() == expected.get("patient_yen"), "patient yen as the C++ API");
      check(result.insurerYen().getAsLong() == expected.get("insurer_yen"), "insurer yen as the C++ API");
      check(result.medicalCostYen().getAsLong() == expected.get("medical_cost_yen"), "medical cost as the C++ API");
      check(result.publicExpenses().size() == expected.get("public_expenses"), "公費 shares as the C++ API");
      check(result.diagnostics().size() == expected.get("diagnostics"), "diagnostics as the C++ API");
      check(result.revision().equals("r06"), "revision r06");
      String reference = Files.readString(env("SANTEI_REFERENCE_DIR").resolve("outpatient.json"), StandardCharsets.UTF_8);
      check(result.json().equals(reference), "result JSON byte for byte as the C++ API");
      System.out.println("Java: total_points=" + result.totalPoints() + " patient_yen=" + result.patientYen().getAsLong());
    }
  }

  static void ageRuleR06InfantAdditionForAnAdultIsADiagnostic(Masters r06, String claim) {
    String withAddition = claim.replace("{ \"code\": \"111000110\" }", "{ \"code\": \"111000110\" }, { \"code\": \"111000370\" }");
    try (PricingContext context = new PricingContext(r06)) {
      PricedClaim result = context.price(withAddition);
      check(result.totalPoints() == 761, "the 乳幼児加算 of a 44-year-old is dropped");
      check(result.diagnostics().stream().anyMatch(d -> d.rule().startsWith("年齢") && !d.message().isEmpty()),
            "年齢 diagnostic with a message");
    }
  }

  static void withoutCopayYenFiguresAreEmpty(Masters demo, String claim) {
    try (PricingContext context = new PricingContext(demo, false, false, null)) {
      PricedClaim result = context.price(claim);
      check(result.totalPoints() == 761, "demo master: 761 points");
      check(result.patientYen().isEmpty() && result.insurerYen().isEmpty() && result.medicalCostYen().isEmpty(),
            "no copay: empty yen figures");
    }
  }

  static void errorsCarryStatusPositionAndField(Masters demo, String claim) {
    try (PricingContext context = new PricingContext(demo)) {
      SanteiException missing = thrown(() -> context.price(claim.replace("\"month\"", "\"mnth\"")));
      check(missing != null && missing.status == Status.CLAIM && missing.field.equals("mnth")
            && missing.detail.equals("unknown field; did you mean month?"), "a misspelt month: claim error naming it and month");
      check(missing != null && missing.statusName.equals("claim_error") && !missing.detail.isEmpty(), "status name and message");
      SanteiException malformed = thrown(() -> context.price("{\n  \"format\": }"));
      check(malformed != null && malformed.status == Status.PARSE && malformed.line == 2 && malformed.file.equals("<claim>"),
            "malformed JSON names <claim> line 2");
      SanteiException encoding = thrown(() -> context.price(new byte[] {'{', (byte) 0xff, '}'}));
      check(encoding != null && encoding.status == Status.ENCODING && encoding.column == 2, "bad UTF-8 at column 2");
      SanteiException unknown = thrown(() -> context.price(claim.replace("111000110", "999999999")));
      check(unknown != null && unknown.status == Status.UNKNOWN_CODE, "unknown code");
      check(context.price(claim).totalPoints() == 761, "the context still prices after errors");
    }
    SanteiException io = thrown(() -> Masters.load("/nonexistent/masters"));
    check(io != null && io.status == Status.IO && io.file.equals("/nonexistent/masters"), "missing directory: io error naming it");
    SanteiException revision = thrown(() -> new PricingContext(demo, true, true, "r04"));
    check(revision != null && revision.status == Status.NOT_FOUND && revision.field.equals("options.revision"), "unloaded revision");
  }

  static void lookupOfFirstVisitOnTheDemoMaster(Masters demo) {
    String json = demo.lookup("111000110", "2024-06-03");
    check(json.contains("\"points\":\"291\"") && json.contains("初診料"), "lookup 111000110: 初診料 291");
    SanteiException unknown = thrown(() -> demo.lookup("999999999", null));
    check(unknown != null && unknown.status == Status.UNKNOWN_CODE, "lookup of an unknown code");
    SanteiException bad = thrown(() -> demo.lookup("12x", null));
    check(bad != null && bad.status == Status.INVALID_ARGUMENT, "lookup of a malformed code");
    check(demo.revisions().equals(List.of("r06")), "the demo master is r06");
  }

  /** The example claim on one line (it has no newline inside a string). */
  static String oneLine(String claim) {
    return claim.replace("\r", "").replace("\n", " ");
  }

  static void jsonLinesInOneCallAnswerEachLineAsPriceDoes(Masters r06, String claim) {
    String line = oneLine(claim);
    try (PricingContext context = new PricingContext(r06)) {
      PricedClaim single = context.price(line);
      PricedLines priced = context.priceJsonLines(line + "\n\nnot a claim\n" + line + "\n", 7, 2);
      String[] lines = priced.json().split("\n", -1);
      check(lines.length == 4 && lines[3].isEmpty(), "three result lines, each ending in a newline");
      check(single.totalPoints() == 761 && lines[0].contains("\"total_points\":761,"), "line 7: E20 is 761 points");
      check(lines[0].equals(single.json()) && lines[2].equals(single.json()), "the claims' lines as price answers them");
      check(lines.length > 1 && lines[1].startsWith(
                "{\"format\":\"santei.result/1\",\"error\":{\"status\":\"parse_error\",\"file\":\"<lines>\",\"line\":9,"),
            "line 9 (first line 7 + 2) is a parse error line");
      check(priced.errors() == 1, "one error line");
      SanteiException bad = thrown(() -> context.priceJsonLines(line, 0, 1));
      check(bad != null && bad.status == Status.INVALID_ARGUMENT && bad.field.equals("first_line"), "first line 0");
      // The same lines handed to a stream: the same bytes; a stream that fails stops the call.
      byte[] input = (line + "\n\nnot a claim\n" + line + "\n").getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      try {
        check(context.priceJsonLinesTo(input, written, 7, 2) == 1, "one error line, written");
        check(written.toString(StandardCharsets.UTF_8).equals(priced.json()), "the bytes priceJsonLines gives");
        OutputStream full = new OutputStream() {
          @Override public void write(int b) throws IOException { throw new IOException("No space left on device"); }
        };
        context.priceJsonLinesTo(input, full, 7, 2);
        check(false, "a failing stream is an IOException");
      } catch (IOException e) {
        check(e.getMessage().equals("No space left on device"), "the stream's IOException, thrown again");
      }
      OutputStream closed = new OutputStream() {
        @Override public void write(int b) { throw new IllegalStateException("closed"); }
      };
      try {
        context.priceJsonLinesTo(input, closed, 7, 2);
        check(false, "a stream that throws a RuntimeException stops the call");
      } catch (IllegalStateException e) {
        check(e.getMessage().equals("closed"), "the stream's RuntimeException, thrown again");
      } catch (IOException e) {
        check(false, "a RuntimeException is not turned into an IOException");
      }
    }
  }

  static void regressionR04ToR06InOneCall(String claim) {
    // 初診料 (111000110) 288点 under r04, 291点 under r06 (fee-rules.md §6.1); 114005610 (在宅悪性腫瘍等
    // 患者指導管理料) is in r04's 医科診療行為マスター, not in r06's: that claim newly fails.
    String line = oneLine(claim);
    String home = line.replace("{ \"category\": \"11\", \"items\": [ { \"code\": \"111000110\" } ] }",
                               "{ \"category\": \"14\", \"items\": [ { \"code\": \"114005610\" } ] }")
                      .replace("\"example-E20\"", "\"home\"");
    Path masters = env("SANTEI_SHARED_MASTERS");
    try (Masters both = Masters.load(masters.resolve("r04").toString(), masters.resolve("r06").toString());
         PricingContext r04 = new PricingContext(both, true, true, "r04");
         PricingContext r06 = new PricingContext(both, true, true, "r06")) {
      String json = PricingContext.regressJsonLines(r04, r06, line + "\n\nnot a claim\n" + home + "\n", 101, 1);
      check(json.startsWith("{\"format\":\"santei.regress/1\",\"old_revision\":\"r04\",\"new_revision\":\"r06\","), "r04 → r06");
      check(json.contains("\"receipts\":3,\"priced_both\":1,\"failed_old\":1,\"failed_new\":2,\"newly_failing\":1,"),
            "3 receipts: E20 priced under both, the bad line under neither, home newly failing");
      check(json.contains("\"new_points\":761,") && json.contains("\"new_patient_yen\":2280,"), "E20 under r06: 761点, 2,280円");
      check(json.contains("{\"code\":\"111000110\",\"name\":\"初診料\",\"old_count\":1,\"new_count\":1,\"old_points\":288,\"new_points\":291,\"delta\":3}"),
            "初診料 288 → 291");
      check(json.contains("\"failing\":[{\"id\":\"home\",\"line\":104,")
            && json.contains("114005610 is not in the 医科診療行為マスター of r06"), "home newly failing at line 104 (101 + 3)");
      SanteiException same = thrown(() -> PricingContext.regressJsonLines(r04, r04, line, 1, 1));
      check(same != null && same.status == Status.INVALID_ARGUMENT && same.field.equals("new_context"), "the same context twice");
    }
  }

  static void threadsShareMastersEachWithItsOwnContext(Masters r06, String claim) throws Exception {
    AtomicLong total = new AtomicLong();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; ++t) {
      threads[t] = new Thread(() -> {
        try (PricingContext context = new PricingContext(r06)) {
          for (int i = 0; i < 20; ++i) total.addAndGet(context.price(claim).totalPoints());
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) thread.join();
    check(total.get() == 4L * 20 * 761, "4 threads x 20 claims, 761 each");
  }

  public static void main(String[] args) throws Exception {
    check(Santei.versionNumber() >= 100, "version number");
    check(Santei.version().split("\\.").length == 3, "version string");
    String claim = Files.readString(env("SANTEI_SOURCE_DIR").resolve("examples/claims/outpatient.json"), StandardCharsets.UTF_8);
    try (Masters r06 = Masters.load(env("SANTEI_SHARED_MASTERS").resolve("r06").toString());
         Masters demo = Masters.demo()) {
      exampleClaimOnRealR06MastersMatchesTheCppApi(r06, claim);
      ageRuleR06InfantAdditionForAnAdultIsADiagnostic(r06, claim);
      withoutCopayYenFiguresAreEmpty(demo, claim);
      errorsCarryStatusPositionAndField(demo, claim);
      lookupOfFirstVisitOnTheDemoMaster(demo);
      threadsShareMastersEachWithItsOwnContext(r06, claim);
      jsonLinesInOneCallAnswerEachLineAsPriceDoes(r06, claim);
    }
    regressionR04ToR06InOneCall(claim);
    System.out.println(passed + " passed, " + failed + " failed");
    System.exit(failed == 0 ? 0 : 1);
  }
}
