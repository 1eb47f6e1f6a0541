/**
 * Turns a storage failure (SQLite file locked or read-only, disk full,
 * MongoDB gone) into a message for the person who was saving, with what to
 * do. Anything else is not ours to explain: undefined.
 */
export type StorageFault = {
  kind: 'locked' | 'read-only' | 'disk-full' | 'unreachable';
  status: 503 | 507;
  message: string;
};

// Not "nothing was saved": on an update Payload may already have replaced files, and the server runs SQLite without transactions.
const SAVE_FAILED = 'Lần lưu này không thành công.';

const FAULTS: { kind: StorageFault['kind']; status: 503 | 507; match: RegExp; message: string }[] = [
  {
    kind: 'locked',
    status: 503,
    match: /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i,
    message: `Cơ sở dữ liệu đang bị một tiến trình khác giữ (ví dụ đang sao lưu hoặc khôi phục). ${SAVE_FAILED} Hãy thử lại sau ít phút.`,
  },
  {
    kind: 'read-only',
    status: 503,
    match:
      /SQLITE_READONLY|readonly database|read-only file system|EROFS|SQLITE_CANTOPEN|unable to open database file/i,
    message: `Cơ sở dữ liệu đang ở chế độ chỉ đọc (không ghi được tệp dữ liệu). ${SAVE_FAILED} Báo quản trị viên kiểm tra quyền ghi của thư mục dữ liệu.`,
  },
  {
    kind: 'disk-full',
    status: 507,
    match: /SQLITE_FULL|database or disk is full|ENOSPC|no space left/i,
    message: `Ổ đĩa của máy chủ đã đầy. ${SAVE_FAILED} Báo quản trị viên giải phóng dung lượng rồi thử lại.`,
  },
  {
    kind: 'unreachable',
    status: 503,
    match: /MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoTopologyClosedError/,
    message: `Không kết nối được cơ sở dữ liệu. ${SAVE_FAILED} Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.`,
  },
];

export function describeStorageFault(error: unknown): StorageFault | undefined {
  const text = causeChain(error).join('\n');
  const fault = FAULTS.find((f) => f.match.test(text));
  return fault && { kind: fault.kind, status: fault.status, message: fault.message };
}

/** Names, codes and messages of an error and its causes (drizzle wraps the driver's error). */
function causeChain(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 8) return error === undefined ? [] : [String(error)];
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  return [String(e.name ?? ''), String(e.code ?? ''), String(e.message ?? ''), ...causeChain(e.cause, depth + 1)];
}
