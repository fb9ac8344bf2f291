package santei;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * Loaded fee-schedule masters of one or several revisions. Immutable once a context or a lookup
 * uses them, and then shareable by threads. Close it (try-with-resources); a Cleaner frees it if
 * forgotten. Contexts made from it keep the loaded data alive.
 */
public final class Masters implements AutoCloseable {
  static final Cleaner CLEANER = Cleaner.create();
  private static final SanteiLibrary LIB = SanteiLibrary.INSTANCE;

  private final Pointer handle;
  private final Cleaner.Cleanable cleanable;
  private volatile boolean closed;

  public Masters() {
    PointerByReference out = new PointerByReference();
    SanteiException.check(LIB.santei_masters_new(out));
    Pointer p = out.getValue();
    handle = p;
    cleanable = CLEANER.register(this, () -> LIB.santei_masters_free(p));
  }

  /** Masters from revision directories (../shared/masters/r06) or directories of them. */
  public static Masters load(String... paths) {
    Masters masters = new Masters();
    try {
      for (String path : paths) masters.add(path);
    } catch (RuntimeException e) {
      masters.close();
      throw e;
    }
    return masters;
  }

  /** The small demo master compiled into santei. */
  public static Masters demo() {
    Masters masters = new Masters();
    try {
      SanteiException.check(LIB.santei_masters_load_demo(masters.live()));
    } catch (RuntimeException e) {
      masters.close();
      throw e;
    }
    return masters;
  }

  /** Adds the revisions of a directory; only before the masters are first used. */
  public Masters add(String path) {
    SanteiException.check(LIB.santei_masters_load(live(), path));
    return this;
  }

  public List<String> revisions() {
    LongByReference count = new LongByReference();
    SanteiException.check(LIB.santei_masters_revision_count(count, live()));
    List<String> ids = new ArrayList<>();
    for (long i = 0; i < count.getValue(); ++i) {
      PointerByReference id = new PointerByReference();
      SanteiException.check(LIB.santei_masters_revision(id, live(), i));
      ids.add(SanteiException.text(id.getValue()));
    }
    return ids;
  }

  /** The master record of a code in force on a date (YYYY-MM-DD; null: newest) as santei.lookup/1 JSON. */
  public String lookup(String code, String date) {
    SanteiLibrary.Buf buf = new SanteiLibrary.Buf();
    SanteiException.check(LIB.santei_lookup(buf, live(), code, date));
    try {
      return new String(buf.ptr.getByteArray(0, Math.toIntExact(buf.size)), java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      LIB.santei_buf_dispose(buf);
    }
  }

  Pointer live() {
    if (closed) throw new IllegalStateException("the masters are closed");
    return handle;
  }

  @Override
  public void close() {
    closed = true;
    cleanable.clean();
  }
}
