import type { Request, Response } from 'express';
import multer from 'multer';
import type { UploadedFile } from '../../desk/correspondence/attachments';
import { HttpError } from '../errors';

/** The multipart field the files come in, and how many one request may carry. */
export const uploadField = 'files';
export const maxFilesPerUpload = 10;

/**
 * Reads a multipart/form-data body into memory, each file at most `maxBytes` (the limit mail has). A file
 * over it stops the upload before anything is written: 413 naming the field.
 */
export function fileUploads(maxBytes: number) {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: maxFilesPerUpload, fields: 0 },
    // Browsers send a file's name as UTF-8 without saying so.
    defParamCharset: 'utf8',
  }).array(uploadField, maxFilesPerUpload);
  return (req: Request, res: Response): Promise<UploadedFile[]> =>
    new Promise((resolve, reject) =>
      parse(req, res, (error: unknown) => {
        if (error) return reject(refusalOf(error, maxBytes));
        const files = (req.files as Express.Multer.File[] | undefined) ?? [];
        if (files.length === 0) {
          const message = 'required: one or more files, as multipart/form-data';
          return reject(HttpError.badRequest([{ field: uploadField, message }]));
        }
        resolve(
          files.map((file) => ({
            filename: file.originalname,
            contentType: file.mimetype,
            content: file.buffer,
          })),
        );
      }),
    );
}

function refusalOf(error: unknown, maxBytes: number): HttpError {
  if (!(error instanceof multer.MulterError)) {
    // busboy's own complaints: a body that is not well-formed multipart.
    return HttpError.badRequest([{ field: 'body', message: 'not valid multipart/form-data' }]);
  }
  const field = error.field || uploadField;
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new HttpError(413, `a file is larger than ${maxBytes} bytes`, {
        errors: [{ field, message: `at most ${maxBytes} bytes a file` }],
        maxBytes,
      });
    case 'LIMIT_FILE_COUNT':
      return HttpError.badRequest([{ field, message: `at most ${maxFilesPerUpload} files` }]);
    case 'LIMIT_UNEXPECTED_FILE':
      return HttpError.badRequest([{ field, message: `unknown field: files go in "${uploadField}"` }]);
    default:
      return HttpError.badRequest([{ field: error.field || 'body', message: 'unknown field' }]);
  }
}
