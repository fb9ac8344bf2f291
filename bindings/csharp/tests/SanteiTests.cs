// Tests of the C# binding (run by CTest with mono): the example claim on the real r06 masters
// matches the C++ API's result, errors carry their details, SafeHandles free what they own.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Santei;

static class SanteiTests
{
    static int passed, failed;

    static void Check(bool condition, string what)
    {
        if (condition) { ++passed; return; }
        ++failed;
        Console.Error.WriteLine("FAILED: " + what);
    }

    static string Env(string name)
    {
        string value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value)) throw new InvalidOperationException(name + " is not set (ctest sets it)");
        return value;
    }

    static SanteiException Throws(Action action)
    {
        try { action(); }
        catch (SanteiException e) { return e; }
        return null;
    }

    static Dictionary<string, long> ReferenceFigures() =>
        File.ReadAllLines(Path.Combine(Env("SANTEI_REFERENCE_DIR"), "outpatient.figures"))
            .Where(line => line.Contains('='))
            .ToDictionary(line => line.Split('=')[0], line => long.Parse(line.Split('=')[1]));

    static void ExampleClaimOnRealR06MastersMatchesTheCppApi(Masters r06, string claim)
    {
        var expected = ReferenceFigures();
        using (var context = new PricingContext(r06))
        {
            PricedClaim result = context.Price(claim);
            Check(result.TotalPoints == 761, "E20 on r06 is 761 points");
            // The E20 figures, stated (fee-rules.md E20, copayment.md §2.2): 761点 = 7,610円; 3割 of each
            // visit, 10円未満四捨五入: day 3 634点 (291+99+144+40+60) = 6,340円 → 1,902 → 1,900; day 10 127点
            // (75+52) = 1,270円 → 381 → 380; the patient 2,280円, the insurer 7,610 − 2,280 = 5,330円.
            Check(result.MedicalCostYen == 7610, "E20 medical cost 7,610 yen");
            Check(result.PatientYen == 2280, "E20 patient 2,280 yen");
            Check(result.InsurerYen == 5330, "E20 insurer 5,330 yen");
            Check(result.TotalPoints == expected["total_points"], "total points as the C++ API");
            Check(result.PatientYen == expected["patient_yen"], "patient yen as the C++ API");
            Check(result.InsurerYen == expected["insurer_yen"], "insurer yen as the C++ API");
            Check(result.MedicalCostYen == expected["medical_cost_yen"], "medical cost as the C++ API");
            Check(result.PublicExpenses.Count == expected["public_expenses"], "公費 shares as the C++ API");
            Check(result.Diagnostics.Count == expected["diagnostics"], "diagnostics as the C++ API");
            Check(result.Revision == "r06", "revision r06");
            Check(result.Json == File.ReadAllText(Path.Combine(Env("SANTEI_REFERENCE_DIR"), "outpatient.json")),
                  "result JSON byte for byte as the C++ API");
            Console.WriteLine("C#: total_points=" + result.TotalPoints + " patient_yen=" + result.PatientYen);
        }
    }

    static void AgeRuleR06InfantAdditionForAnAdultIsADiagnostic(Masters r06, string claim)
    {
        string withInfantAddition = claim.Replace("{ \"code\": \"111000110\" }", "{ \"code\": \"111000110\" }, { \"code\": \"111000370\" }");
        using (var context = new PricingContext(r06))
        {
            PricedClaim result = context.Price(withInfantAddition);
            Check(result.TotalPoints == 761, "the 乳幼児加算 of a 44-year-old is dropped");
            Check(result.Diagnostics.Any(d => d.Rule.StartsWith("年齢") && d.Message.Length > 0), "年齢 diagnostic with a message");
        }
    }

    static void WithoutCopayYenFiguresAreNull(Masters demo, string claim)
    {
        using (var context = new PricingContext(demo, copay: false))
        {
            PricedClaim result = context.Price(claim);
            Check(result.TotalPoints == 761, "demo master: 761 points");
            Check(result.PatientYen == null && result.InsurerYen == null && result.MedicalCostYen == null, "no copay: null yen");
        }
    }

    static void ErrorsCarryStatusPositionAndField(Masters demo, string claim)
    {
        using (var context = new PricingContext(demo))
        {
            var missing = Throws(() => context.Price(claim.Replace("\"month\"", "\"mnth\"")));  // santei.claim/1 has no mnth
            Check(missing != null && missing.Status == Status.Claim && missing.Field == "mnth" &&
                  missing.Detail == "unknown field; did you mean month?", "a misspelt month is a claim error naming it and month");
            Check(missing != null && missing.StatusName == "claim_error" && missing.Detail.Length > 0, "status name and message");

            var malformed = Throws(() => context.Price("{\n  \"format\": }"));
            Check(malformed != null && malformed.Status == Status.Parse && malformed.Line == 2 && malformed.Column > 0,
                  "malformed JSON names line 2");
            Check(malformed != null && malformed.File == "<claim>", "the file of a claim is <claim>");

            var encoding = Throws(() => context.Price(new byte[] { (byte)'{', 0xff, (byte)'}' }));
            Check(encoding != null && encoding.Status == Status.Encoding && encoding.Column == 2, "bad UTF-8 at column 2");

            var unknown = Throws(() => context.Price(claim.Replace("111000110", "999999999")));
            Check(unknown != null && unknown.Status == Status.UnknownCode, "unknown code");

            PricedClaim after = context.Price(claim);
            Check(after.TotalPoints == 761, "the context still prices after errors");
        }
        var io = Throws(() => Masters.Load("/nonexistent/masters"));
        Check(io != null && io.Status == Status.Io && io.File == "/nonexistent/masters", "missing directory is an io error naming it");
        var revision = Throws(() => new PricingContext(demo, revision: "r04"));
        Check(revision != null && revision.Status == Status.NotFound && revision.Field == "options.revision", "unloaded revision");
    }

    static void LookupOfFirstVisitOnTheDemoMaster(Masters demo)
    {
        string json = demo.Lookup("111000110", "2024-06-03");
        Check(json.Contains("\"points\":\"291\"") && json.Contains("初診料"), "lookup 111000110: 初診料 291");
        var unknown = Throws(() => demo.Lookup("999999999"));
        Check(unknown != null && unknown.Status == Status.UnknownCode, "lookup of an unknown code");
        var bad = Throws(() => demo.Lookup("12x"));
        Check(bad != null && bad.Status == Status.InvalidArgument, "lookup of a malformed code");
        Check(demo.Revisions.SequenceEqual(new[] { "r06" }), "the demo master is r06");
    }

    // The example claim on one line (it has no newline inside a string).
    static string OneLine(string claim) => claim.Replace("\r", "").Replace("\n", " ");

    static void JsonLinesInOneCallAnswerEachLineAsPriceDoes(Masters r06, string claim)
    {
        string line = OneLine(claim);
        using (var context = new PricingContext(r06))
        {
            PricedClaim single = context.Price(line);
            PricedLines priced = context.PriceJsonLines(line + "\n\nnot a claim\n" + line + "\n", firstLine: 7, threads: 2);
            string[] lines = priced.Json.Split('\n');
            Check(lines.Length == 4 && lines[3] == "", "three result lines, each ending in a newline");
            Check(single.TotalPoints == 761 && lines[0].Contains("\"total_points\":761,"), "line 7: E20 is 761 points");
            Check(lines[0] == single.Json && lines[2] == single.Json, "the claims' lines as Price answers them");
            Check(lines.Length > 1 && lines[1].StartsWith(
                      "{\"format\":\"santei.result/1\",\"error\":{\"status\":\"parse_error\",\"file\":\"<lines>\",\"line\":9,"),
                  "line 9 (first line 7 + 2) is a parse error line");
            Check(priced.Errors == 1, "one error line");
            var bad = Throws(() => context.PriceJsonLines(line, firstLine: 0));
            Check(bad != null && bad.Status == Status.InvalidArgument && bad.Field == "first_line", "first line 0");
            // The same lines written to a stream: the same bytes; a stream that fails stops the call.
            byte[] input = Encoding.UTF8.GetBytes(line + "\n\nnot a claim\n" + line + "\n");
            using (var written = new MemoryStream())
            {
                Check(context.PriceJsonLinesTo(input, written, firstLine: 7, threads: 2) == 1, "one error line, written");
                Check(Encoding.UTF8.GetString(written.ToArray()) == priced.Json, "the bytes PriceJsonLines gives");
            }
            try
            {
                context.PriceJsonLinesTo(input, new MemoryStream(new byte[0], false), firstLine: 7);
                Check(false, "a stream that cannot be written is an exception");
            }
            catch (NotSupportedException)
            {
            }
        }
    }

    static void RegressionR04ToR06InOneCall(string claim)
    {
        // 初診料 (111000110) 288点 under r04, 291点 under r06 (fee-rules.md §6.1); 114005610 (在宅悪性腫瘍等
        // 患者指導管理料) is in r04's 医科診療行為マスター, not in r06's: that claim newly fails.
        string line = OneLine(claim);
        string home = line.Replace("{ \"category\": \"11\", \"items\": [ { \"code\": \"111000110\" } ] }",
                                   "{ \"category\": \"14\", \"items\": [ { \"code\": \"114005610\" } ] }")
                          .Replace("\"example-E20\"", "\"home\"");
        string masters = Env("SANTEI_SHARED_MASTERS");
        using (var both = Masters.Load(Path.Combine(masters, "r04"), Path.Combine(masters, "r06")))
        using (var r04 = new PricingContext(both, revision: "r04"))
        using (var r06 = new PricingContext(both, revision: "r06"))
        {
            string json = PricingContext.RegressJsonLines(r04, r06, line + "\n\nnot a claim\n" + home + "\n", firstLine: 101);
            Check(json.StartsWith("{\"format\":\"santei.regress/1\",\"old_revision\":\"r04\",\"new_revision\":\"r06\","), "r04 → r06");
            Check(json.Contains("\"receipts\":3,\"priced_both\":1,\"failed_old\":1,\"failed_new\":2,\"newly_failing\":1,"),
                  "3 receipts: E20 priced under both, the bad line under neither, home newly failing");
            Check(json.Contains("\"new_points\":761,") && json.Contains("\"new_patient_yen\":2280,"), "E20 under r06: 761点, 2,280円");
            Check(json.Contains("{\"code\":\"111000110\",\"name\":\"初診料\",\"old_count\":1,\"new_count\":1,\"old_points\":288,\"new_points\":291,\"delta\":3}"),
                  "初診料 288 → 291");
            Check(json.Contains("\"failing\":[{\"id\":\"home\",\"line\":104,") &&
                  json.Contains("114005610 is not in the 医科診療行為マスター of r06"), "home newly failing at line 104 (101 + 3)");
            var same = Throws(() => PricingContext.RegressJsonLines(r04, r04, line));
            Check(same != null && same.Status == Status.InvalidArgument && same.Field == "new_context", "the same context twice");
        }
    }

    static void ThreadsShareMastersEachWithItsOwnContext(Masters r06, string claim)
    {
        var totals = new long[4];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            using (var context = new PricingContext(r06))
                for (int i = 0; i < 20; ++i) totals[t] += context.Price(claim).TotalPoints;
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        Check(totals.All(total => total == 20 * 761), "4 threads x 20 claims, 761 each");
    }

    static int Main()
    {
        Check(Library.VersionNumber >= 100, "version number");
        Check(Library.Version.Split('.').Length == 3, "version string");
        string claim = File.ReadAllText(Path.Combine(Env("SANTEI_SOURCE_DIR"), "examples", "claims", "outpatient.json"));
        using (var r06 = Masters.Load(Path.Combine(Env("SANTEI_SHARED_MASTERS"), "r06")))
        using (var demo = Masters.Demo())
        {
            ExampleClaimOnRealR06MastersMatchesTheCppApi(r06, claim);
            AgeRuleR06InfantAdditionForAnAdultIsADiagnostic(r06, claim);
            WithoutCopayYenFiguresAreNull(demo, claim);
            ErrorsCarryStatusPositionAndField(demo, claim);
            LookupOfFirstVisitOnTheDemoMaster(demo);
            ThreadsShareMastersEachWithItsOwnContext(r06, claim);
            JsonLinesInOneCallAnswerEachLineAsPriceDoes(r06, claim);
        }
        RegressionR04ToR06InOneCall(claim);
        Console.WriteLine(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
