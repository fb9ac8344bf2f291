package santei;

/** The version of the libsantei_c actually loaded. */
public final class Santei {
  private Santei() {}

  public static String version() {
    return SanteiLibrary.INSTANCE.santei_version_string();
  }

  public static int versionNumber() {
    return SanteiLibrary.INSTANCE.santei_version_number();
  }
}
