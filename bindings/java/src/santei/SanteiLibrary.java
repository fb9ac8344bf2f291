package santei;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;

/**
 * The JNA declarations of santei.h. Internal: use {@link Masters} and {@link PricingContext}.
 * The library is SANTEI_LIBRARY (a path to libsantei_c.so) if set, else "santei_c" on the
 * loader path (jna.library.path, LD_LIBRARY_PATH). Strings cross as UTF-8.
 */
interface SanteiLibrary extends Library {
  SanteiLibrary INSTANCE = load();

  static SanteiLibrary load() {
    String explicit = System.getenv("SANTEI_LIBRARY");
    String name = explicit != null && !explicit.isEmpty() ? explicit : "santei_c";
    if (Native.SIZE_T_SIZE != 8) throw new UnsupportedOperationException("the santei Java binding needs a 64-bit JVM (size_t as long)");
    return Native.load(name, SanteiLibrary.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
  }

  int PRICE_OPTIONS_VERSION = 1;

  /** santei_error: fields may be appended by later versions, never reordered. */
  @Structure.FieldOrder({"status", "file", "line", "column", "field", "message"})
  class Error extends Structure {
    public int status;
    public Pointer file;
    public long line;
    public int column;
    public Pointer field;
    public Pointer message;

    public Error(Pointer p) {
      super(p);
      read();
    }
  }

  @Structure.FieldOrder({"ptr", "size"})
  class Buf extends Structure {
    public Pointer ptr;
    public long size;  // size_t (64-bit platforms only, checked at load)
  }

  @Structure.FieldOrder({"version", "copay", "explain", "revision"})
  class PriceOptions extends Structure {
    public int version;
    public int copay;
    public int explain;
    public String revision;
  }

  int santei_version_number();
  String santei_version_string();
  String santei_status_name(int status);
  Pointer santei_last_error();
  void santei_buf_dispose(Buf buf);
  int santei_masters_new(PointerByReference out);
  void santei_masters_free(Pointer masters);
  int santei_masters_load(Pointer masters, String path);
  int santei_masters_load_demo(Pointer masters);
  int santei_masters_revision_count(LongByReference out, Pointer masters);
  int santei_masters_revision(PointerByReference out, Pointer masters, long index);
  int santei_lookup(Buf out, Pointer masters, String code, String date);
  int santei_price_options_init(PriceOptions options, int version);
  int santei_context_new(PointerByReference out, Pointer masters, PriceOptions options);
  void santei_context_free(Pointer context);
  int santei_price(PointerByReference out, Pointer context, byte[] claim, long length);
  void santei_result_free(Pointer result);
  int santei_result_json(PointerByReference out, LongByReference length, Pointer result);
  int santei_result_revision(PointerByReference out, Pointer result);
  int santei_result_total_points(LongByReference out, Pointer result);
  int santei_result_patient_yen(LongByReference out, Pointer result);
  int santei_result_insurer_yen(LongByReference out, Pointer result);
  int santei_result_medical_cost_yen(LongByReference out, Pointer result);
  int santei_result_public_expense_count(LongByReference out, Pointer result);
  int santei_result_public_expense(PointerByReference law, LongByReference yen, Pointer result, long index);
  int santei_result_diagnostic_count(LongByReference out, Pointer result);
  int santei_result_diagnostic(IntByReference severity, PointerByReference rule, PointerByReference message,
                               Pointer result, long index);
  int santei_price_json_lines(Buf out, LongByReference errors, Pointer context, byte[] lines, long length, long firstLine,
                              int threads);
  int santei_regress_json_lines(Buf out, Pointer oldContext, Pointer newContext, byte[] lines, long length, long firstLine,
                                int threads);

  /** santei_write_fn: a piece of output, {@code length} bytes at {@code bytes}; 0 to go on. */
  interface WriteFn extends Callback {
    int invoke(Pointer user, Pointer bytes, long length);
  }

  int santei_price_json_lines_to(LongByReference errors, Pointer context, byte[] lines, long length, long firstLine,
                                 int threads, WriteFn write, Pointer user);
}
