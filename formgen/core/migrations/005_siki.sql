-- What SIKI takes besides the roster's first columns: tax number, postcode, education,
-- and each project's value and kind of experience.

ALTER TABLE applicants ADD COLUMN npwp TEXT;
ALTER TABLE applicants ADD COLUMN kode_pos TEXT;
ALTER TABLE applicants ADD COLUMN nama_sekolah TEXT;
ALTER TABLE applicants ADD COLUMN program_studi TEXT;
ALTER TABLE applicants ADD COLUMN no_ijazah TEXT;
ALTER TABLE applicants ADD COLUMN tahun_lulus INTEGER;

ALTER TABLE experience ADD COLUMN nilai_proyek INTEGER;
ALTER TABLE experience ADD COLUMN jenis_pengalaman TEXT;

-- Where the school is, as SIKI asks for the diploma.
ALTER TABLE applicants ADD COLUMN alamat_sekolah TEXT;
ALTER TABLE applicants ADD COLUMN propinsi_sekolah TEXT;
ALTER TABLE applicants ADD COLUMN kabupaten_sekolah TEXT;
