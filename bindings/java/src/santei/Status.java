package santei;

/** santei_status: pinned values (santei.h). */
public enum Status {
  OK(0), INVALID_ARGUMENT(-1), IO(-2), PARSE(-3), MASTER(-4), CLAIM(-5), UNKNOWN_CODE(-6), RULE(-7),
  OVERFLOW(-8), LIMIT_EXCEEDED(-9), ENCODING(-10), NOT_FOUND(-11), INTERNAL(-99);

  public final int code;

  Status(int code) {
    this.code = code;
  }

  static Status of(int code) {
    for (Status status : values()) {
      if (status.code == code) return status;
    }
    return INTERNAL;  // a status newer than this binding
  }
}
