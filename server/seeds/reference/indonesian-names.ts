/**
 * Personal names for demo staff of a Central Java regency, written for this project (no external
 * source): common Indonesian, Javanese and Muslim given names, the second names that Javanese
 * families use in place of surnames, and the single names of the older generation, including the
 * Ca-/Ta-/Wa- names typical of the Tegal–Brebes area.
 */

/** Male given names, most common first (the generator favours the front of each list). */
export const MALE_GIVEN = [
  'Agus', 'Budi', 'Slamet', 'Eko', 'Joko', 'Bambang', 'Wahyu', 'Teguh', 'Heru', 'Hadi', 'Imam', 'Arif', 'Rudi', 'Sugeng',
  'Muhammad', 'Ahmad', 'Andi', 'Bayu', 'Dedi', 'Hendra', 'Irfan', 'Fajar', 'Dimas', 'Yoga', 'Rizki', 'Aditya', 'Galih',
  'Anton', 'Bagus', 'Dani', 'Doni', 'Edi', 'Faisal', 'Gilang', 'Hari', 'Ilham', 'Iwan', 'Khoirul', 'Lukman', 'Mukhlis',
  'Nanang', 'Priyo', 'Rahmat', 'Rofiq', 'Sigit', 'Taufik', 'Toni', 'Yusuf', 'Zaenal', 'Akhmad', 'Aris', 'Catur', 'Dwi',
  'Tri', 'Nur', 'Ari', 'Adi', 'Rian', 'Wisnu', 'Yudi', 'Arief', 'Haris', 'Kukuh', 'Mochamad', 'Nugroho', 'Puguh', 'Sapto',
];

/** Female given names, most common first. */
export const FEMALE_GIVEN = [
  'Siti', 'Sri', 'Dewi', 'Rina', 'Yuni', 'Endang', 'Lestari', 'Fitri', 'Wulan', 'Indah', 'Kartika', 'Ani', 'Retno', 'Nurul',
  'Umi', 'Tuti', 'Ratna', 'Rini', 'Suci', 'Ayu', 'Dian', 'Novi', 'Eka', 'Putri', 'Puji', 'Esti', 'Wiwik', 'Nining',
  'Anisa', 'Desi', 'Evi', 'Fatimah', 'Heni', 'Ika', 'Intan', 'Laela', 'Lia', 'Maya', 'Mega', 'Nia', 'Nova', 'Ratih',
  'Rizka', 'Septi', 'Tri', 'Dwi', 'Nur', 'Yeni', 'Aisyah', 'Khusnul', 'Anik', 'Diah', 'Erna', 'Ida', 'Kurnia', 'Lina',
  'Mutiara', 'Nanik', 'Okta', 'Rahma', 'Sari', 'Titin', 'Vina', 'Winarti', 'Yanti', 'Zahra', 'Arum', 'Galuh',
];

/** First elements of three-part names (Muhammad Rizki Pratama, Dwi Wahyu Nugroho): religious names and birth-order names. */
export const MALE_LEADING = ['Muhammad', 'Muhammad', 'Ahmad', 'Mochamad', 'Dwi', 'Tri', 'Eko', 'Nur', 'Agus', 'Catur'];

export const FEMALE_LEADING = ['Siti', 'Siti', 'Sri', 'Dwi', 'Tri', 'Nur', 'Dewi', 'Eka', 'Ayu', 'Putri'];

/** Male second names (Javanese families have no surname; a second name plays its part). */
export const MALE_SECOND = [
  'Santoso', 'Wibowo', 'Prasetyo', 'Hidayat', 'Purnomo', 'Setiawan', 'Saputra', 'Kurniawan', 'Wijaya', 'Nugroho', 'Sulistyo',
  'Haryanto', 'Firmansyah', 'Susilo', 'Suryadi', 'Pratama', 'Ramadhan', 'Hakim', 'Maulana', 'Mulyono', 'Riyadi', 'Hartono',
  'Gunawan', 'Wicaksono', 'Permana', 'Utomo', 'Budiman', 'Cahyono', 'Darmawan', 'Effendi', 'Fauzi', 'Hermawan', 'Iskandar',
  'Junaedi', 'Kusuma', 'Laksono', 'Mahendra', 'Nurhadi', 'Prakoso', 'Rohman', 'Sasongko', 'Triyono', 'Wahyudi', 'Yulianto',
  'Zulkarnain', 'Aji', 'Baskoro', 'Hidayatullah', 'Ardiansyah', 'Syaifudin',
];

/** Female second names. */
export const FEMALE_SECOND = [
  'Rahayu', 'Susanti', 'Handayani', 'Utami', 'Maryati', 'Pratiwi', 'Astuti', 'Lestari', 'Wulandari', 'Puspitasari',
  'Rahmawati', 'Kusumawati', 'Fitriani', 'Safitri', 'Anggraeni', 'Purwaningsih', 'Setyaningsih', 'Nurhayati', 'Wahyuni',
  'Kurniasih', 'Hidayah', 'Sulistyowati', 'Yuliani', 'Permatasari', 'Novitasari', 'Hartati', 'Suryani', 'Mulyani',
  'Widyastuti', 'Ambarwati', 'Damayanti', 'Indrawati', 'Kartikasari', 'Listyaningrum', 'Maharani', 'Oktaviani', 'Rosita',
  'Sulastri', 'Triyani', 'Winarsih', 'Zulaikha', 'Apriliani', 'Ariyani', 'Fauziah', 'Khasanah', 'Muslimah', 'Ningsih',
  'Rohmah', 'Septiani', 'Yuliastuti',
];

/** Single names of the older generation, common in the Tegal–Brebes area. */
export const MALE_SINGLE = [
  'Sutrisno', 'Sukardi', 'Sunarto', 'Darsono', 'Warsono', 'Carsono', 'Casmadi', 'Tarmuji', 'Tarsudi', 'Wartono', 'Kusnadi',
  'Kasmuri', 'Rasito', 'Carmadi', 'Taryono', 'Waluyo', 'Suparman', 'Sugiyanto', 'Rusdi', 'Tarsono', 'Kastori', 'Sutarno',
];

export const FEMALE_SINGLE = [
  'Suparmi', 'Wartini', 'Tarsini', 'Warsini', 'Sumiati', 'Rasiti', 'Casiti', 'Tarwiyah', 'Sunarti', 'Kasmirah', 'Sutinah',
  'Carini', 'Waryuni', 'Sukaesih', 'Rusmini', 'Darsih', 'Tarmini', 'Sumarni',
];

/** Places of birth of a Tegal civil servant: mostly the regency and its neighbours. */
export const BIRTH_PLACES = [
  'Tegal', 'Tegal', 'Tegal', 'Tegal', 'Slawi', 'Slawi', 'Slawi', 'Kota Tegal', 'Adiwerna', 'Lebaksiu', 'Pangkah', 'Balapulang',
  'Margasari', 'Bumijawa', 'Kramat', 'Suradadi', 'Brebes', 'Brebes', 'Pemalang', 'Pemalang', 'Banyumas', 'Purwokerto',
  'Pekalongan', 'Semarang', 'Cirebon', 'Jakarta', 'Yogyakarta', 'Purbalingga', 'Kendal', 'Batang',
];

// ── Schooling and home addresses of demo staff ────────────────────────────────────────────────
// Schools and campuses where civil servants of the Tegal area commonly studied (the regency and
// its neighbours, the big Central Java universities). Demo data: no person is linked to a real one.

/** Junior high schools (SMP/MTs) of the regency and Kota Tegal. */
export const JUNIOR_HIGH_SCHOOLS = [
  'SMP Negeri 1 Slawi', 'SMP Negeri 2 Slawi', 'SMP Negeri 1 Adiwerna', 'SMP Negeri 1 Dukuhturi', 'SMP Negeri 1 Pangkah',
  'SMP Negeri 1 Lebaksiu', 'SMP Negeri 1 Talang', 'SMP Negeri 1 Kramat', 'SMP Negeri 1 Tarub', 'SMP Negeri 1 Balapulang',
  'MTs Negeri 1 Tegal', 'SMP Negeri 1 Tegal', 'SMP Negeri 2 Tegal',
];

/** Senior high schools (SMA/MA), for the IPA and IPS streams. */
export const SENIOR_HIGH_SCHOOLS = [
  'SMA Negeri 1 Slawi', 'SMA Negeri 2 Slawi', 'SMA Negeri 3 Slawi', 'SMA Negeri 1 Adiwerna', 'SMA Negeri 1 Lebaksiu',
  'SMA Negeri 1 Pangkah', 'SMA Negeri 1 Kramat', 'SMA Negeri 1 Balapulang', 'SMA Negeri 1 Bumijawa', 'SMA Negeri 1 Tegal',
  'SMA Negeri 2 Tegal', 'SMA Negeri 1 Brebes', 'MAN 1 Tegal',
];

/** Vocational high schools (SMK). */
export const VOCATIONAL_SCHOOLS = ['SMK Negeri 1 Slawi', 'SMK Negeri 1 Adiwerna', 'SMK Negeri 2 Adiwerna', 'SMK Negeri 1 Tegal', 'SMK Negeri 2 Tegal'];

/** Polytechnics for non-health diplomas (D3). */
export const POLYTECHNICS = ['Politeknik Harapan Bersama Tegal', 'Politeknik Negeri Semarang', 'Politeknik Muhammadiyah Tegal'];

/** Health schools for nursing, midwifery and other health diplomas. */
export const HEALTH_SCHOOLS = [
  'Poltekkes Kemenkes Semarang', 'Universitas Bhamada Slawi', 'Politeknik Harapan Bersama Tegal', 'Universitas Muhammadiyah Semarang',
];

/** Street names of the kind found in the kelurahan of Slawi and the towns around it. */
export const STREET_NAMES = [
  'Melati', 'Mawar', 'Kenanga', 'Flamboyan', 'Anggrek', 'Cempaka', 'Dahlia', 'Nangka', 'Mangga', 'Jambu', 'Merpati', 'Kutilang',
  'Pemuda', 'Pancasila', 'Kartini', 'Diponegoro', 'Gajah Mada', 'Sudirman', 'Ahmad Yani', 'Dr. Sutomo',
];

/** Mobile number prefixes of the Indonesian operators (Telkomsel, Indosat, XL, Tri, Smartfren). */
export const MOBILE_PREFIXES = [
  '0812', '0813', '0821', '0822', '0823', '0852', '0853', '0851', '0856', '0857', '0858', '0815', '0817', '0818', '0819',
  '0877', '0878', '0895', '0896', '0897', '0881', '0882',
];
