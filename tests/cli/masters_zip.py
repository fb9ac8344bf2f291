# Helper of the masters_* CLI cases (not a case): packs FILE into ZIP as SSK packs a master download.
import sys, zipfile
zip_path, member = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(zip_path, "w") as archive:
    info = zipfile.ZipInfo(member.rsplit("/", 1)[-1], date_time=(2026, 10, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, open(member, "rb").read())
