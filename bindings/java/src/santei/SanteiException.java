package santei;

import com.sun.jna.Pointer;

/** A santei call failed: where (file, line, column, field) and why (status, detail). */
public final class SanteiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public final Status status;
  public final int statusCode;
  public final String statusName;
  public final String file;
  public final long line;
  public final int column;
  public final String field;
  public final String detail;

  SanteiException(int statusCode, String file, long line, int column, String field, String detail) {
    super(describe(statusCode, file, line, column, detail));
    this.status = Status.of(statusCode);
    this.statusCode = statusCode;
    this.statusName = SanteiLibrary.INSTANCE.santei_status_name(statusCode);
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
    this.detail = detail;
  }

  private static String describe(int status, String file, long line, int column, String detail) {
    StringBuilder where = new StringBuilder(file);
    if (line > 0) where.append(':').append(line);
    if (column > 0) where.append(':').append(column);
    return SanteiLibrary.INSTANCE.santei_status_name(status) + ": " + (where.length() > 0 ? where + ": " : "") + detail;
  }

  /** Throws this thread's last error unless status is OK. */
  static void check(int status) {
    if (status == 0) return;
    SanteiLibrary.Error error = new SanteiLibrary.Error(SanteiLibrary.INSTANCE.santei_last_error());
    throw new SanteiException(error.status, text(error.file), error.line, error.column, text(error.field), text(error.message));
  }

  static String text(Pointer p) {
    return p == null ? "" : p.getString(0, "UTF-8");
  }
}
