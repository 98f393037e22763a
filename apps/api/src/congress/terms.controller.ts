import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { CreateTermDto, UpdateTermDto } from './dto/term.dto.js';
import { TermResponse } from './dto/congress.responses.js';
import { TermsService } from './terms.service.js';

@ApiTags('congress')
@ApiBearerAuth()
@Controller('terms')
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @Get()
  @ApiOkResponse({ type: [TermResponse] })
  async list(): Promise<TermResponse[]> {
    return (await this.terms.list()).map(TermResponse.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: TermResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<TermResponse> {
    return TermResponse.of(await this.terms.get(id));
  }

  @Post()
  @Roles(Role.Staff)
  @ApiOkResponse({ type: TermResponse })
  async create(@Body() dto: CreateTermDto): Promise<TermResponse> {
    return TermResponse.of(await this.terms.create(dto));
  }

  @Patch(':id')
  @Roles(Role.Staff)
  @ApiOkResponse({ type: TermResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTermDto,
  ): Promise<TermResponse> {
    return TermResponse.of(await this.terms.update(id, dto));
  }
}
