// Price one claim from C# with the Santei binding (bindings/csharp, P/Invoke over libsantei_c).
// usage: mono PriceClaim.exe CLAIM.json [MASTERS_DIR]   (no MASTERS_DIR: the demo master)
using System;
using System.IO;
using Santei;

static class PriceClaim
{
    static int Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: PriceClaim.exe CLAIM.json [MASTERS_DIR]");
            return 2;
        }
        try
        {
            using (Masters masters = args.Length > 1 ? Masters.Load(args[1]) : Masters.Demo())
            using (var context = new PricingContext(masters))
            {
                PricedClaim result = context.Price(File.ReadAllText(args[0]));
                Console.WriteLine("total_points: " + result.TotalPoints);
                Console.WriteLine("patient_yen: " + result.PatientYen);
                return 0;
            }
        }
        catch (SanteiException e)  // Status, File, Line, Column, Field and Detail say what went wrong
        {
            Console.Error.WriteLine(args[0] + ": " + e.Message);
            return 1;
        }
    }
}
