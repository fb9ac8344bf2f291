// Santei: price Japanese medical claims (レセプト) from .NET through libsantei_c's stable C ABI.
//
//   using (var masters = Masters.Load("../shared/masters/r06"))
//   using (var context = new PricingContext(masters))
//   {
//       PricedClaim result = context.Price(File.ReadAllText("claim.json"));
//       Console.WriteLine($"{result.TotalPoints} 点, {result.PatientYen} 円");
//   }
//
// Handles are SafeHandles: the runtime frees them even if Dispose is forgotten. Masters are
// immutable once a context or a lookup uses them and may be shared by threads; a PricingContext
// is for one thread at a time. Every failure throws SanteiException with the status and position.
// The native library is found as "santei_c" (libsantei_c.so on the loader path, e.g. LD_LIBRARY_PATH).
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace Santei
{
    /// <summary>santei_status: pinned values (santei.h).</summary>
    public enum Status
    {
        Ok = 0, InvalidArgument = -1, Io = -2, Parse = -3, Master = -4, Claim = -5, UnknownCode = -6,
        Rule = -7, Overflow = -8, LimitExceeded = -9, Encoding = -10, NotFound = -11, Internal = -99,
    }

    /// <summary>santei_severity (santei.h).</summary>
    public enum Severity { Error = 0, Warning = 1, Info = 2 }

    /// <summary>A santei call failed: where (File, Line, Column, Field) and why (Status, Detail).</summary>
    public sealed class SanteiException : Exception
    {
        public Status Status { get; }
        public string StatusName { get; }
        public string File { get; }
        public long Line { get; }
        public int Column { get; }
        public string Field { get; }
        public string Detail { get; }

        internal SanteiException(int status, string file, long line, int column, string field, string detail)
            : base(Describe(status, file, line, column, detail))
        {
            Status = (Status)status;
            StatusName = Native.Utf8(Native.santei_status_name(status));
            File = file; Line = line; Column = column; Field = field; Detail = detail;
        }

        static string Describe(int status, string file, long line, int column, string detail)
        {
            var where = new StringBuilder(file);
            if (line > 0) where.Append(':').Append(line);
            if (column > 0) where.Append(':').Append(column);
            return Native.Utf8(Native.santei_status_name(status)) + ": " + (where.Length > 0 ? where + ": " : "") + detail;
        }
    }

    public static class Library
    {
        /// <summary>The version of the libsantei_c actually loaded, e.g. "0.1.0".</summary>
        public static string Version => Native.Utf8(Native.santei_version_string());
        public static uint VersionNumber => Native.santei_version_number();
    }

    public sealed class MastersHandle : SafeHandle
    {
        public MastersHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.santei_masters_free(handle); return true; }
    }

    public sealed class ContextHandle : SafeHandle
    {
        public ContextHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.santei_context_free(handle); return true; }
    }

    public sealed class ResultHandle : SafeHandle
    {
        public ResultHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.santei_result_free(handle); return true; }
    }

    /// <summary>Loaded fee-schedule masters of one or several revisions.</summary>
    public sealed class Masters : IDisposable
    {
        internal readonly MastersHandle Handle;

        public Masters()
        {
            Native.Check(Native.santei_masters_new(out Handle));
        }

        /// <summary>Masters from revision directories (../shared/masters/r06) or directories of them.</summary>
        public static Masters Load(params string[] paths)
        {
            var masters = new Masters();
            try { foreach (string path in paths) masters.Add(path); }
            catch { masters.Dispose(); throw; }
            return masters;
        }

        /// <summary>The small demo master compiled into santei.</summary>
        public static Masters Demo()
        {
            var masters = new Masters();
            try { Native.Check(Native.santei_masters_load_demo(masters.Handle)); }
            catch { masters.Dispose(); throw; }
            return masters;
        }

        /// <summary>Adds the revisions of a directory; only before the masters are first used.</summary>
        public void Add(string path) => Native.Check(Native.santei_masters_load(Handle, Native.Utf8z(path)));

        public IReadOnlyList<string> Revisions
        {
            get
            {
                Native.Check(Native.santei_masters_revision_count(out UIntPtr count, Handle));
                var ids = new List<string>();
                for (ulong i = 0; i < count.ToUInt64(); ++i)
                {
                    Native.Check(Native.santei_masters_revision(out IntPtr id, Handle, new UIntPtr(i)));
                    ids.Add(Native.Utf8(id));
                }
                return ids;
            }
        }

        /// <summary>The master record of a code in force on a date (YYYY-MM-DD; null: newest) as santei.lookup/1 JSON.</summary>
        public string Lookup(string code, string date = null)
        {
            var buf = new Native.Buf();
            Native.Check(Native.santei_lookup(ref buf, Handle, Native.Utf8z(code), date == null ? null : Native.Utf8z(date)));
            try { return Native.Utf8(buf.Ptr, checked((int)buf.Size.ToUInt64())); }
            finally { Native.santei_buf_dispose(ref buf); }
        }

        public void Dispose() => Handle.Dispose();
    }

    public struct PublicExpense
    {
        public string Law;  // 法別番号
        public long Yen;    // what the programme pays
    }

    public struct Diagnostic
    {
        public Severity Severity;
        public string Rule;
        public string Message;
    }

    /// <summary>One priced claim. The yen figures are null when the context priced without copay.</summary>
    public sealed class PricedClaim
    {
        public string Revision { get; internal set; }
        public long TotalPoints { get; internal set; }
        public long? PatientYen { get; internal set; }
        public long? InsurerYen { get; internal set; }
        public long? MedicalCostYen { get; internal set; }
        public IReadOnlyList<PublicExpense> PublicExpenses { get; internal set; }
        public IReadOnlyList<Diagnostic> Diagnostics { get; internal set; }
        /// <summary>The whole result, santei.result/1 JSON.</summary>
        public string Json { get; internal set; }
    }

    /// <summary>JSON Lines of claims priced in one call, as `santei price` prints them.</summary>
    public sealed class PricedLines
    {
        /// <summary>One santei.result/1 line per claim, each ending in '\n', in input order.</summary>
        public string Json { get; internal set; }
        /// <summary>How many of them are {"error":…} lines.</summary>
        public long Errors { get; internal set; }
    }

    /// <summary>Prices claims on masters; one per thread.</summary>
    public sealed class PricingContext : IDisposable
    {
        readonly ContextHandle handle;

        public PricingContext(Masters masters, bool copay = true, bool explain = true, string revision = null)
        {
            Native.Check(Native.santei_price_options_init(out Native.PriceOptions options, Native.PriceOptionsVersion));
            options.Copay = copay ? 1 : 0;
            options.Explain = explain ? 1 : 0;
            byte[] id = revision == null ? null : Native.Utf8z(revision);
            GCHandle pin = id == null ? default(GCHandle) : GCHandle.Alloc(id, GCHandleType.Pinned);
            try
            {
                options.Revision = id == null ? IntPtr.Zero : pin.AddrOfPinnedObject();
                Native.Check(Native.santei_context_new(out handle, masters.Handle, ref options));
            }
            finally { if (pin.IsAllocated) pin.Free(); }
        }

        /// <summary>Prices one santei.claim/1 claim given as JSON text.</summary>
        public PricedClaim Price(string claimJson) => Price(Encoding.UTF8.GetBytes(claimJson));

        /// <summary>Prices one claim given as UTF-8 bytes.</summary>
        public PricedClaim Price(byte[] claimUtf8)
        {
            Native.Check(Native.santei_price(out ResultHandle result, handle, claimUtf8, new UIntPtr((ulong)claimUtf8.Length)));
            using (result) return Read(result);
        }

        /// <summary>Prices santei.claim/1 JSON Lines in native code (santei_price_json_lines), the first
        /// of them line firstLine of its file; threads: 0 = the hardware threads. Requires SANTEI_0.2.</summary>
        public PricedLines PriceJsonLines(string lines, long firstLine = 1, uint threads = 1) =>
            PriceJsonLines(Encoding.UTF8.GetBytes(lines), firstLine, threads);

        public PricedLines PriceJsonLines(byte[] linesUtf8, long firstLine = 1, uint threads = 1)
        {
            var buf = new Native.Buf();
            Native.Check(Native.santei_price_json_lines(ref buf, out UIntPtr errors, handle, linesUtf8,
                                                        new UIntPtr((ulong)linesUtf8.Length), firstLine, threads));
            try
            {
                return new PricedLines
                {
                    Json = Native.Utf8(buf.Ptr, checked((int)buf.Size.ToUInt64())),
                    Errors = checked((long)errors.ToUInt64()),
                };
            }
            finally { Native.santei_buf_dispose(ref buf); }
        }

        /// <summary>As PriceJsonLines, but each batch of result lines (whole lines, at most 256) is written
        /// to output as soon as it is priced, in input order (santei_price_json_lines_to), so memory stays
        /// bounded however many claims there are. An exception from output stops the pricing and is
        /// thrown again here. Returns how many lines were error lines. Requires SANTEI_0.2.</summary>
        public long PriceJsonLinesTo(byte[] linesUtf8, Stream output, long firstLine = 1, uint threads = 1)
        {
            Exception failed = null;
            Native.WriteFn write = (user, bytes, length) =>
            {
                try
                {
                    var piece = new byte[checked((int)length.ToUInt64())];
                    Marshal.Copy(bytes, piece, 0, piece.Length);
                    output.Write(piece, 0, piece.Length);
                    return 0;
                }
                catch (Exception e)
                {
                    failed = e;
                    return 1;
                }
            };
            int status = Native.santei_price_json_lines_to(out UIntPtr errors, handle, linesUtf8,
                                                           new UIntPtr((ulong)linesUtf8.Length), firstLine, threads, write,
                                                           IntPtr.Zero);
            GC.KeepAlive(write);  // native code called it until here
            if (failed != null) throw failed;
            Native.Check(status);
            return checked((long)errors.ToUInt64());
        }

        /// <summary>The claims of JSON Lines priced under oldContext's revision and newContext's
        /// (santei_regress_json_lines; each context made with a revision): the summary as
        /// santei.regress/1 JSON (`santei regress --json`). Requires SANTEI_0.2.</summary>
        public static string RegressJsonLines(PricingContext oldContext, PricingContext newContext, string lines,
                                              long firstLine = 1, uint threads = 1) =>
            RegressJsonLines(oldContext, newContext, Encoding.UTF8.GetBytes(lines), firstLine, threads);

        public static string RegressJsonLines(PricingContext oldContext, PricingContext newContext, byte[] linesUtf8,
                                              long firstLine = 1, uint threads = 1)
        {
            var buf = new Native.Buf();
            Native.Check(Native.santei_regress_json_lines(ref buf, oldContext.handle, newContext.handle, linesUtf8,
                                                          new UIntPtr((ulong)linesUtf8.Length), firstLine, threads));
            try { return Native.Utf8(buf.Ptr, checked((int)buf.Size.ToUInt64())); }
            finally { Native.santei_buf_dispose(ref buf); }
        }

        static PricedClaim Read(ResultHandle result)
        {
            Native.Check(Native.santei_result_json(out IntPtr json, out UIntPtr size, result));
            Native.Check(Native.santei_result_revision(out IntPtr revision, result));
            Native.Check(Native.santei_result_total_points(out long points, result));
            Native.Check(Native.santei_result_public_expense_count(out UIntPtr shareCount, result));
            var shares = new List<PublicExpense>();
            for (ulong i = 0; i < shareCount.ToUInt64(); ++i)
            {
                Native.Check(Native.santei_result_public_expense(out IntPtr law, out long yen, result, new UIntPtr(i)));
                shares.Add(new PublicExpense { Law = Native.Utf8(law), Yen = yen });
            }
            Native.Check(Native.santei_result_diagnostic_count(out UIntPtr diagnosticCount, result));
            var diagnostics = new List<Diagnostic>();
            for (ulong i = 0; i < diagnosticCount.ToUInt64(); ++i)
            {
                Native.Check(Native.santei_result_diagnostic(out int severity, out IntPtr rule, out IntPtr message, result, new UIntPtr(i)));
                diagnostics.Add(new Diagnostic { Severity = (Severity)severity, Rule = Native.Utf8(rule), Message = Native.Utf8(message) });
            }
            return new PricedClaim
            {
                Revision = Native.Utf8(revision),
                TotalPoints = points,
                PatientYen = CopayFigure(Native.santei_result_patient_yen(out long patient, result), patient),
                InsurerYen = CopayFigure(Native.santei_result_insurer_yen(out long insurer, result), insurer),
                MedicalCostYen = CopayFigure(Native.santei_result_medical_cost_yen(out long cost, result), cost),
                PublicExpenses = shares,
                Diagnostics = diagnostics,
                Json = Native.Utf8(json, checked((int)size.ToUInt64())),
            };
        }

        static long? CopayFigure(int status, long value)
        {
            if (status == (int)Status.NotFound) return null;  // priced without copay
            Native.Check(status);
            return value;
        }

        public void Dispose() => handle.Dispose();
    }

    /// <summary>The P/Invoke declarations of santei.h.</summary>
    internal static class Native
    {
        const string Lib = "santei_c";
        internal const uint PriceOptionsVersion = 1;

        [StructLayout(LayoutKind.Sequential)]
        internal struct Error
        {
            public int Status; public IntPtr File; public long Line; public int Column; public IntPtr Field; public IntPtr Message;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct Buf { public IntPtr Ptr; public UIntPtr Size; }

        [StructLayout(LayoutKind.Sequential)]
        internal struct PriceOptions { public uint Version; public int Copay; public int Explain; public IntPtr Revision; }

        [DllImport(Lib)] internal static extern uint santei_version_number();
        [DllImport(Lib)] internal static extern IntPtr santei_version_string();
        [DllImport(Lib)] internal static extern IntPtr santei_status_name(int status);
        [DllImport(Lib)] internal static extern IntPtr santei_last_error();
        [DllImport(Lib)] internal static extern void santei_buf_dispose(ref Buf buf);
        [DllImport(Lib)] internal static extern int santei_masters_new(out MastersHandle masters);
        [DllImport(Lib)] internal static extern void santei_masters_free(IntPtr masters);
        [DllImport(Lib)] internal static extern int santei_masters_load(MastersHandle masters, byte[] path);
        [DllImport(Lib)] internal static extern int santei_masters_load_demo(MastersHandle masters);
        [DllImport(Lib)] internal static extern int santei_masters_revision_count(out UIntPtr count, MastersHandle masters);
        [DllImport(Lib)] internal static extern int santei_masters_revision(out IntPtr id, MastersHandle masters, UIntPtr index);
        [DllImport(Lib)] internal static extern int santei_lookup(ref Buf buf, MastersHandle masters, byte[] code, byte[] date);
        [DllImport(Lib)] internal static extern int santei_price_options_init(out PriceOptions options, uint version);
        [DllImport(Lib)] internal static extern int santei_context_new(out ContextHandle context, MastersHandle masters, ref PriceOptions options);
        [DllImport(Lib)] internal static extern void santei_context_free(IntPtr context);
        [DllImport(Lib)] internal static extern int santei_price(out ResultHandle result, ContextHandle context, byte[] claim, UIntPtr length);
        [DllImport(Lib)] internal static extern void santei_result_free(IntPtr result);
        [DllImport(Lib)] internal static extern int santei_result_json(out IntPtr json, out UIntPtr length, ResultHandle result);
        [DllImport(Lib)] internal static extern int santei_result_revision(out IntPtr revision, ResultHandle result);
        [DllImport(Lib)] internal static extern int santei_result_total_points(out long points, ResultHandle result);
        [DllImport(Lib)] internal static extern int santei_result_patient_yen(out long yen, ResultHandle result);
        [DllImport(Lib)] internal static extern int santei_result_insurer_yen(out long yen, ResultHandle result);
        [DllImport(Lib)] internal static extern int santei_result_medical_cost_yen(out long yen, ResultHandle result);
        [DllImport(Lib)] internal static extern int santei_result_public_expense_count(out UIntPtr count, ResultHandle result);
        [DllImport(Lib)] internal static extern int santei_result_public_expense(out IntPtr law, out long yen, ResultHandle result, UIntPtr index);
        [DllImport(Lib)] internal static extern int santei_result_diagnostic_count(out UIntPtr count, ResultHandle result);
        [DllImport(Lib)] internal static extern int santei_result_diagnostic(out int severity, out IntPtr rule, out IntPtr message, ResultHandle result, UIntPtr index);
        [DllImport(Lib)] internal static extern int santei_price_json_lines(ref Buf buf, out UIntPtr errors, ContextHandle context, byte[] lines, UIntPtr length, long firstLine, uint threads);
        // santei_write_fn: a piece of output, length bytes at bytes; 0 to go on.
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int WriteFn(IntPtr user, IntPtr bytes, UIntPtr length);
        [DllImport(Lib)] internal static extern int santei_price_json_lines_to(out UIntPtr errors, ContextHandle context, byte[] lines, UIntPtr length, long firstLine, uint threads, WriteFn write, IntPtr user);
        [DllImport(Lib)] internal static extern int santei_regress_json_lines(ref Buf buf, ContextHandle oldContext, ContextHandle newContext, byte[] lines, UIntPtr length, long firstLine, uint threads);

        /// <summary>Throws SanteiException with this thread's last error unless status is OK.</summary>
        internal static void Check(int status)
        {
            if (status == 0) return;
            var error = (Error)Marshal.PtrToStructure(santei_last_error(), typeof(Error));
            throw new SanteiException(error.Status, Utf8(error.File), error.Line, error.Column, Utf8(error.Field), Utf8(error.Message));
        }

        /// <summary>UTF-8 bytes with the NUL terminator santei expects.</summary>
        internal static byte[] Utf8z(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
            Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, 0);
            return bytes;
        }

        internal static string Utf8(IntPtr text)
        {
            if (text == IntPtr.Zero) return "";
            int length = 0;
            while (Marshal.ReadByte(text, length) != 0) ++length;
            return Utf8(text, length);
        }

        internal static string Utf8(IntPtr text, int length)
        {
            var bytes = new byte[length];
            Marshal.Copy(text, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }
    }
}
