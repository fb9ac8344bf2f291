package santei;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Prices claims on masters. One per thread; close it (try-with-resources). */
public final class PricingContext implements AutoCloseable {
  private static final SanteiLibrary LIB = SanteiLibrary.INSTANCE;

  private final Pointer handle;
  private final Cleaner.Cleanable cleanable;
  private volatile boolean closed;

  public PricingContext(Masters masters) {
    this(masters, true, true, null);
  }

  /** revision: price under this revision ("r04") whatever the month; null: by month. */
  public PricingContext(Masters masters, boolean copay, boolean explain, String revision) {
    SanteiLibrary.PriceOptions options = new SanteiLibrary.PriceOptions();
    SanteiException.check(LIB.santei_price_options_init(options, SanteiLibrary.PRICE_OPTIONS_VERSION));
    options.copay = copay ? 1 : 0;
    options.explain = explain ? 1 : 0;
    options.revision = revision;
    PointerByReference out = new PointerByReference();
    SanteiException.check(LIB.santei_context_new(out, masters.live(), options));
    Pointer p = out.getValue();
    handle = p;
    cleanable = Masters.CLEANER.register(this, () -> LIB.santei_context_free(p));
  }

  /** Prices one santei.claim/1 claim given as JSON text. */
  public PricedClaim price(String claimJson) {
    return price(claimJson.getBytes(StandardCharsets.UTF_8));
  }

  /** Prices one claim given as UTF-8 bytes. */
  public PricedClaim price(byte[] claimUtf8) {
    PointerByReference out = new PointerByReference();
    SanteiException.check(LIB.santei_price(out, live(), claimUtf8, claimUtf8.length));
    Pointer result = out.getValue();
    try {
      return read(result);
    } finally {
      LIB.santei_result_free(result);
    }
  }

  /**
   * Prices santei.claim/1 JSON Lines in native code (santei_price_json_lines), the first of them
   * line firstLine of its file; threads: 0 = the hardware threads. Requires SANTEI_0.2.
   */
  public PricedLines priceJsonLines(String lines, long firstLine, int threads) {
    return priceJsonLines(lines.getBytes(StandardCharsets.UTF_8), firstLine, threads);
  }

  public PricedLines priceJsonLines(byte[] linesUtf8, long firstLine, int threads) {
    if (threads < 0) throw new IllegalArgumentException("threads " + threads + " < 0");
    SanteiLibrary.Buf buf = new SanteiLibrary.Buf();
    LongByReference errors = new LongByReference();
    SanteiException.check(LIB.santei_price_json_lines(buf, errors, live(), linesUtf8, linesUtf8.length, firstLine, threads));
    try {
      return new PricedLines(text(buf), errors.getValue());
    } finally {
      LIB.santei_buf_dispose(buf);
    }
  }

  /**
   * As priceJsonLines, but each batch of result lines (whole lines, at most 256) is written to
   * {@code out} as soon as it is priced, in input order (santei_price_json_lines_to), so memory stays
   * bounded however many claims there are. An exception from {@code out} (an IOException, a
   * RuntimeException) stops the pricing and is thrown here. Returns how many lines were error
   * lines. Requires SANTEI_0.2.
   */
  public long priceJsonLinesTo(byte[] linesUtf8, OutputStream out, long firstLine, int threads) throws IOException {
    if (threads < 0) throw new IllegalArgumentException("threads " + threads + " < 0");
    Exception[] failed = {null};  // an IOException or a RuntimeException of `out`: JNA would swallow it
    SanteiLibrary.WriteFn write = (user, bytes, length) -> {
      try {
        out.write(bytes.getByteArray(0, Math.toIntExact(length)));
        return 0;
      } catch (IOException | RuntimeException e) {
        failed[0] = e;
        return 1;
      }
    };
    LongByReference errors = new LongByReference();
    int status = LIB.santei_price_json_lines_to(errors, live(), linesUtf8, linesUtf8.length, firstLine, threads, write, null);
    Reference.reachabilityFence(write);  // native code called it until here
    if (failed[0] instanceof IOException e) throw e;
    if (failed[0] instanceof RuntimeException e) throw e;
    SanteiException.check(status);
    return errors.getValue();
  }

  /**
   * The claims of JSON Lines priced under oldContext's revision and newContext's
   * (santei_regress_json_lines; each context made with a revision): the summary as santei.regress/1
   * JSON ({@code santei regress --json}). Requires SANTEI_0.2.
   */
  public static String regressJsonLines(PricingContext oldContext, PricingContext newContext, String lines, long firstLine,
                                        int threads) {
    return regressJsonLines(oldContext, newContext, lines.getBytes(StandardCharsets.UTF_8), firstLine, threads);
  }

  public static String regressJsonLines(PricingContext oldContext, PricingContext newContext, byte[] linesUtf8,
                                        long firstLine, int threads) {
    if (threads < 0) throw new IllegalArgumentException("threads " + threads + " < 0");
    SanteiLibrary.Buf buf = new SanteiLibrary.Buf();
    SanteiException.check(LIB.santei_regress_json_lines(buf, oldContext.live(), newContext.live(), linesUtf8,
                                                         linesUtf8.length, firstLine, threads));
    try {
      return text(buf);
    } finally {
      LIB.santei_buf_dispose(buf);
    }
  }

  private static String text(SanteiLibrary.Buf buf) {
    return new String(buf.ptr.getByteArray(0, Math.toIntExact(buf.size)), StandardCharsets.UTF_8);
  }

  private Pointer live() {
    if (closed) throw new IllegalStateException("the context is closed");
    return handle;
  }

  private static PricedClaim read(Pointer result) {
    PointerByReference json = new PointerByReference();
    LongByReference size = new LongByReference();
    SanteiException.check(LIB.santei_result_json(json, size, result));
    PointerByReference revision = new PointerByReference();
    SanteiException.check(LIB.santei_result_revision(revision, result));
    LongByReference points = new LongByReference();
    SanteiException.check(LIB.santei_result_total_points(points, result));
    LongByReference count = new LongByReference();
    SanteiException.check(LIB.santei_result_public_expense_count(count, result));
    List<PricedClaim.PublicExpense> shares = new ArrayList<>();
    for (long i = 0; i < count.getValue(); ++i) {
      PointerByReference law = new PointerByReference();
      LongByReference yen = new LongByReference();
      SanteiException.check(LIB.santei_result_public_expense(law, yen, result, i));
      shares.add(new PricedClaim.PublicExpense(SanteiException.text(law.getValue()), yen.getValue()));
    }
    SanteiException.check(LIB.santei_result_diagnostic_count(count, result));
    List<PricedClaim.Diagnostic> diagnostics = new ArrayList<>();
    for (long i = 0; i < count.getValue(); ++i) {
      IntByReference severity = new IntByReference();
      PointerByReference rule = new PointerByReference();
      PointerByReference message = new PointerByReference();
      SanteiException.check(LIB.santei_result_diagnostic(severity, rule, message, result, i));
      diagnostics.add(new PricedClaim.Diagnostic(PricedClaim.Severity.values()[severity.getValue()],
                                                 SanteiException.text(rule.getValue()), SanteiException.text(message.getValue())));
    }
    byte[] bytes = json.getValue().getByteArray(0, Math.toIntExact(size.getValue()));
    return new PricedClaim(SanteiException.text(revision.getValue()), points.getValue(),
                           copayFigure(LIB::santei_result_patient_yen, result),
                           copayFigure(LIB::santei_result_insurer_yen, result),
                           copayFigure(LIB::santei_result_medical_cost_yen, result), List.copyOf(shares),
                           List.copyOf(diagnostics), new String(bytes, StandardCharsets.UTF_8));
  }

  private interface Figure {
    int get(LongByReference out, Pointer result);
  }

  private static OptionalLong copayFigure(Figure figure, Pointer result) {
    LongByReference value = new LongByReference();
    int status = figure.get(value, result);
    if (status == Status.NOT_FOUND.code) return OptionalLong.empty();  // priced without copay
    SanteiException.check(status);
    return OptionalLong.of(value.getValue());
  }

  @Override
  public void close() {
    closed = true;
    cleanable.clean();
  }
}
