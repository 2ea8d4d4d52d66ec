// Messages of the notification bell in Bahasa Indonesia (the source of the keys). They load with the
// bell's chunk, which only signed-in users fetch.
export const notificationsId = {
  'notifications.button': 'Pemberitahuan',
  'notifications.buttonUnread': 'Pemberitahuan, {count} belum dibaca',
  'notifications.announceNew': '{count} pemberitahuan baru',
  'notifications.title': 'Pemberitahuan',
  'notifications.tabList': 'Daftar',
  'notifications.tabSettings': 'Pengaturan',
  'notifications.unreadOnly': 'Hanya yang belum dibaca',
  'notifications.markAll': 'Tandai semua dibaca',
  'notifications.markRead': 'Tandai dibaca',
  'notifications.unread': 'Belum dibaca',
  'notifications.empty': 'Belum ada pemberitahuan.',
  'notifications.emptyUnread': 'Semua pemberitahuan sudah dibaca.',
  'notifications.forPosition': 'Untuk jabatan {title}',
  'notifications.open': 'Buka',
  'notifications.more': 'Muat lebih banyak',
  'notifications.loadFailed': 'Pemberitahuan tidak dapat dimuat.',
  'notifications.settingsLead': 'Pilih jenis pemberitahuan yang juga dikirim ke e-mail Anda. Semua pemberitahuan tetap tampil di sini.',
  'notifications.emailUnavailable': 'E-mail pemberitahuan tidak tersedia: akun Anda belum punya alamat e-mail, atau server belum dapat mengirim e-mail.',
  'notifications.hourlyLimit': 'Paling banyak {count} e-mail per jam; selebihnya hanya tampil di sini.',
  'notifications.email': 'Kirim ke e-mail',
  'notifications.saved': 'Pengaturan disimpan.',
  'notifications.noKinds': 'Belum ada jenis pemberitahuan.',
} as const;

export type NotificationsKey = keyof typeof notificationsId;
