package santei;

import java.util.List;
import java.util.OptionalLong;

/** One priced claim. The yen figures are empty when the context priced without copay. */
public record PricedClaim(String revision, long totalPoints, OptionalLong patientYen, OptionalLong insurerYen,
                          OptionalLong medicalCostYen, List<PublicExpense> publicExpenses, List<Diagnostic> diagnostics,
                          String json) {
  /** santei_severity (santei.h), in value order. */
  public enum Severity { ERROR, WARNING, INFO }

  /** One 公費's share: its 法別番号 and what it pays in yen. */
  public record PublicExpense(String law, long yen) {}

  /** A violated or doubtful rule. */
  public record Diagnostic(Severity severity, String rule, String message) {}
}
