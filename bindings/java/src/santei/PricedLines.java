package santei;

/**
 * JSON Lines of claims priced in one call, as {@code santei price} prints them: json holds one
 * santei.result/1 line per claim, each ending in '\n', in input order; errors is how many of them
 * are {"error":…} lines.
 */
public record PricedLines(String json, long errors) {}
