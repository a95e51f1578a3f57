"""Ground-truth identity of one e-KTP holder, with a consistent NIK."""
import datetime as dt
from .util import pick, wpick, chance
from . import names, places

JOBS = [("PELAJAR/MAHASISWA", 10), ("MENGURUS RUMAH TANGGA", 14), ("KARYAWAN SWASTA", 18),
        ("PETANI/PEKEBUN", 8), ("WIRASWASTA", 14), ("PEGAWAI NEGERI SIPIL", 5), ("BURUH HARIAN LEPAS", 5),
        ("NELAYAN/PERIKANAN", 2), ("GURU", 3), ("PEDAGANG", 4), ("BELUM/TIDAK BEKERJA", 5),
        ("KARYAWAN BUMN", 1.5), ("PENSIUNAN", 2), ("SOPIR", 1), ("TENTARA NASIONAL INDONESIA", 0.7),
        ("KEPOLISIAN RI", 0.7), ("PERAWAT", 0.8), ("DOSEN", 0.5), ("BIDAN", 0.5), ("BURUH TANI/PERKEBUNAN", 1.5),
        ("KARYAWAN HONORER", 1), ("TUKANG BATU", 0.5), ("DOKTER", 0.3), ("PERDAGANGAN", 1)]


def _date(rng, y0, y1):
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(int(rng.integers(a, b + 1)))


def make_identity(rng):
    """Returns (fields dict, extra dict with printing details)."""
    prov, reg, regname = places.pick_regency(rng)
    provs, _ = places.regions()
    provname = provs[prov]
    sex = "M" if chance(rng, 0.5) else "F"
    issue = _date(rng, 2011, 2024)
    age = int(wpick(rng, [(int(rng.integers(17, 25)), 0.25), (int(rng.integers(25, 45)), 0.4),
                          (int(rng.integers(45, 65)), 0.25), (int(rng.integers(65, 88)), 0.1)]))
    birth = _date(rng, issue.year - age - 1, issue.year - age - 1)
    if (issue - birth).days < 17 * 366:
        birth = birth.replace(year=issue.year - 18)
    group = names.group_for_province(rng, prov)
    name = names.make_name(rng, sex, group)
    agama = names.religion_for_group(rng, group)
    ageat = (issue - birth).days // 365
    if ageat < 20:
        status = wpick(rng, [("BELUM KAWIN", 0.92), ("KAWIN", 0.08)])
    elif ageat < 30:
        status = wpick(rng, [("BELUM KAWIN", 0.45), ("KAWIN", 0.5), ("CERAI HIDUP", 0.05)])
    else:
        status = wpick(rng, [("KAWIN", 0.75), ("BELUM KAWIN", 0.07), ("CERAI HIDUP", 0.08), ("CERAI MATI", 0.1)])
    if ageat < 23 and chance(rng, 0.6):
        job = "PELAJAR/MAHASISWA"
    else:
        jobs = [(j, w * (0.2 if (j == "MENGURUS RUMAH TANGGA" and sex == "M") else 1.0)
                 * (0.1 if (j == "PELAJAR/MAHASISWA" and ageat > 28) else 1.0)
                 * (0.1 if (j == "PENSIUNAN" and ageat < 55) else 1.0)) for j, w in JOBS]
        job = wpick(rng, jobs)
    district = int(wpick(rng, [(int(rng.integers(1, 16)), 0.7), (int(rng.integers(16, 41)), 0.3)]))
    dd = birth.day + (40 if sex == "F" else 0)
    serial = int(wpick(rng, [(int(rng.integers(1, 1000)), 0.6), (int(rng.integers(1, 10000)), 0.4)]))
    nik = f"{reg}{district:02d}{dd:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
    assert len(nik) == 16
    if issue.year < 2016 and chance(rng, 0.55):
        y = issue.year + 5
        d = min(birth.day, 28) if birth.month == 2 else birth.day
        berlaku = dt.date(y, birth.month, d).isoformat()
    else:
        berlaku = "SEUMUR HIDUP"
    rt = int(wpick(rng, [(int(rng.integers(1, 10)), 0.6), (int(rng.integers(1, 30)), 0.4)]))
    rw = int(wpick(rng, [(int(rng.integers(1, 10)), 0.6), (int(rng.integers(1, 25)), 0.4)]))
    fields = {
        "nik": nik,
        "nama": name,
        "tempat_lahir": places.birth_place(rng, prov, regname),
        "tanggal_lahir": birth.isoformat(),
        "jenis_kelamin": "LAKI-LAKI" if sex == "M" else "PEREMPUAN",
        "golongan_darah": wpick(rng, [("-", 0.45), ("O", 0.2), ("A", 0.12), ("B", 0.17), ("AB", 0.06)]),
        "alamat": places.alamat(rng, prov),
        "rt_rw": f"{rt:03d}/{rw:03d}",
        "kel_desa": places.kel_desa(rng),
        "kecamatan": places.kecamatan(rng, regname),
        "agama": agama,
        "status_perkawinan": status,
        "pekerjaan": job,
        "kewarganegaraan": "WNI",
        "berlaku_hingga": berlaku,
        "provinsi": provname,
        "kabupaten_kota": regname,
    }
    extra = {"sex": sex, "issue_date": issue, "group": group, "age": ageat,
             "issue_place": pick(rng, [regname, places.bare_regency(regname)])}
    return fields, extra


def dmy(iso):
    y, m, d = iso.split("-")
    return f"{d}-{m}-{y}"
